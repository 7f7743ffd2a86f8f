using System.Diagnostics;

namespace FailingWell.Tests.Support;

/// <summary>
/// The site as deploy/Dockerfile builds it: <c>dotnet publish src/FailingWell.Web/FailingWell.Web.csproj -c Release -o DIR</c>,
/// once per test run. ./test.sh publishes before the tests and names the folder in
/// FAILINGWELL_PUBLISHED_SITE (so the SQLite and PostgreSQL passes share one publish); a test run
/// started any other way publishes into a temporary folder of its own the first time a test asks.
/// A publish that fails fails every test that needs it, with the publish's own last lines.
/// </summary>
public static class PublishedSite
{
    public const string Variable = "FAILINGWELL_PUBLISHED_SITE";

    private static readonly Lazy<Task<string>> Shared = new(PublishAsync);

    /// <summary>The folder holding FailingWell.Web.dll and its wwwroot, as the image's /app.</summary>
    public static Task<string> FolderAsync() => Shared.Value;

    private static async Task<string> PublishAsync()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            if (!File.Exists(Path.Combine(given, "FailingWell.Web.dll")))
            {
                var log = Path.Combine(given, "..", "publish.log");
                var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(20)) : "(no publish.log beside it)";
                throw new InvalidOperationException($"{Variable}={given} holds no FailingWell.Web.dll: the publish before the tests failed.\n{tail}");
            }

            return given;
        }

        var folder = Directory.CreateTempSubdirectory("failingwell-published-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "publish", "src/FailingWell.Web/FailingWell.Web.csproj", "-c", "Release", "-o", folder, "--nologo", "-clp:ErrorsOnly" })
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's own settings are not the publish's.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        var said = (await output + "\n" + await errors).Trim();
        if (process.ExitCode != 0 || !File.Exists(Path.Combine(folder, "FailingWell.Web.dll")))
        {
            throw new InvalidOperationException($"dotnet publish, as deploy/Dockerfile runs it, failed (exit code {process.ExitCode}):\n{said}");
        }

        return folder;
    }

    /// <summary>The folder of FailingWell.sln, above the test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FailingWell.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("FailingWell.sln was not found above " + AppContext.BaseDirectory);
    }
}
