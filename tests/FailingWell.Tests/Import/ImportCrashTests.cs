using System.Diagnostics;
using System.Text;

namespace FailingWell.Tests.Import;

/// <summary>The command-line import killed with SIGKILL in the middle of writing: nothing of it is left.</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
[Trait(TestKind.Trait, TestKind.RealProcess)]
public sealed class ImportCrashTests
{
    [Fact]
    public async Task A_command_line_import_killed_halfway_through_writing_leaves_nothing_and_the_next_run_imports_it_all()
    {
        using var app = new FailingWellApp();
        const int Rows = 12_000; // enough for the kill to land after the first batch of 5,000 and before the last
        var csv = ImportSupport.Csv(ImportSupport.Rows(Rows, new DateOnly(2025, 2, 3)));
        await ImportSupport.MapAsync(app, await ImportSupport.UploadAsync(app, Encoding.UTF8.GetBytes("ID,Incident date\n")));
        var file = Path.Combine(app.Folder, "big-export.csv");
        await File.WriteAllTextAsync(file, csv);

        using (var killed = Start(app, file))
        {
            var writing = new TaskCompletionSource();
            killed.OutputDataReceived += (_, e) =>
            {
                if (e.Data?.StartsWith("Wrote 5,000 of", StringComparison.Ordinal) == true)
                {
                    writing.TrySetResult();
                }
            };
            killed.BeginOutputReadLine();
            killed.BeginErrorReadLine();
            await writing.Task.WaitAsync(TimeSpan.FromSeconds(120));
            killed.Kill(entireProcessTree: true); // SIGKILL: no rollback runs, the database must not need one
            await killed.WaitForExitAsync();
        }

        await using (var scope = app.Scope())
        {
            var db = FailingWellApp.NewDbContext(scope);
            Assert.Equal(0, await db.Reports.CountAsync());
            Assert.False(await db.CultureRollups.AnyAsync());
        }

        using var again = Start(app, file);
        var output = await again.StandardOutput.ReadToEndAsync();
        await again.WaitForExitAsync();
        Assert.True(again.ExitCode == 0, output + await again.StandardError.ReadToEndAsync());
        Assert.Contains($"Imported {Rows:N0} new reports, 0 already here", output, StringComparison.Ordinal);
        Assert.Equal(Rows, await ImportSupport.ImportedCountAsync(app));
    }

    private static Process Start(FailingWellApp app, string file)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "FailingWell.Web.dll"), "import", "--file", file, "--mapping", ImportSupport.System })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ConnectionStrings__FailingWell"] = app.ConnectionString;
        start.Environment["Database__Provider"] = app.Provider.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in TestCertificate.Settings())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return Process.Start(start)!;
    }
}
