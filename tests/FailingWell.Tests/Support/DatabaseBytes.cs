using System.Text;

namespace FailingWell.Tests.Support;

/// <summary>The raw bytes of a SQLite database, its write-ahead log included, to search for leaks.</summary>
public static class DatabaseBytes
{
    public static byte[] Read(string databasePath)
    {
        var parts = new[] { databasePath, databasePath + "-wal", databasePath + "-journal" }
            .Where(File.Exists)
            .Select(path =>
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray();
            });
        return [.. parts.SelectMany(p => p)];
    }

    /// <summary>Whether the text is in the bytes as UTF-8 or as UTF-16 (SQLite can store either).</summary>
    public static bool Contains(byte[] haystack, string text) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0
        || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;
}
