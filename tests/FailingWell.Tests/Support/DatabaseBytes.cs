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

    /// <summary>The names of the tables in a SQLite database that match a WHERE condition on sqlite_master.</summary>
    public static async Task<List<string>> TablesAsync(string connectionString, string condition = "1 = 1")
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM sqlite_master WHERE type = 'table' AND {condition}";
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    /// <summary>Whether the text is in the bytes as UTF-8 or as UTF-16 (SQLite can store either).</summary>
    public static bool Contains(byte[] haystack, string text) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0
        || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;
}
