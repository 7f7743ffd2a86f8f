using System.Net.Sockets;
using System.Text.Json.Nodes;
using FailingWell.Tests.Host;
using FailingWell.Web.Features.Lfpse;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace FailingWell.Tests.Lfpse;

/// <summary>
/// The <c>lfpse-taxonomy</c> verb, run as a process against a taxonomy endpoint on loopback (Kestrel):
/// a usable taxonomy replaces the snapshot file; a bad one, or an endpoint that fails, replaces nothing.
/// </summary>
public sealed class LfpseTaxonomyVerbTests : IAsyncLifetime
{
    private const string OldSnapshot = """{ "the": "old snapshot, kept unless the new one is usable" }""";

    private readonly string _folder = Directory.CreateTempSubdirectory("lfpse-taxonomy-").FullName;
    private readonly Dictionary<string, (int Status, string Body)> _answers = [];
    private WebApplication _endpoint = null!;
    private string _baseUrl = "";

    private string Snapshot => Path.Combine(_folder, "lfpse-taxonomy-6.json");

    public async Task InitializeAsync()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        _baseUrl = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
        probe.Stop();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls(_baseUrl);
        _endpoint = builder.Build();
        _endpoint.MapGet("/taxonomy/{name}", async context =>
        {
            var (status, body) = _answers.GetValueOrDefault((string)context.Request.RouteValues["name"]!, (404, "Not found"));
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        });
        await _endpoint.StartAsync();
        await File.WriteAllTextAsync(Snapshot, OldSnapshot);
    }

    public async Task DisposeAsync()
    {
        await _endpoint.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A small taxonomy in the snapshot's shape: the shipped one with each value set cut to its first two codes.</summary>
    private static string SmallTaxonomy(Action<JsonObject>? change = null)
    {
        var shipped = JsonNode.Parse(File.ReadAllText(ShippedSnapshotPath()))!.AsObject();
        foreach (var (_, codes) in shipped["valueSets"]!.AsObject())
        {
            var list = codes!.AsArray();
            while (list.Count > 2)
            {
                list.RemoveAt(list.Count - 1);
            }
        }

        change?.Invoke(shipped);
        return shipped.ToJsonString();
    }

    private static string ShippedSnapshotPath()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "src", "FailingWell.Web", "Features", "Lfpse", "lfpse-taxonomy-6.json")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder!.FullName, "src", "FailingWell.Web", "Features", "Lfpse", "lfpse-taxonomy-6.json");
    }

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(FailingWellApp app, params string[] args) =>
        CommandLineVerbsTests.RunAsync(app, null, ["lfpse-taxonomy", .. args]);

    [Fact]
    public async Task A_usable_taxonomy_from_the_endpoint_replaces_the_snapshot_and_loads()
    {
        var small = SmallTaxonomy();
        _answers["v6"] = (200, small);
        using var app = new FailingWellApp();
        _ = app.Services;

        var (exitCode, output, error) = await RunAsync(app, "--from", $"{_baseUrl}/taxonomy/v6", "--to", Snapshot);

        Assert.True(exitCode == 0, error);
        Assert.Contains("Wrote " + Snapshot, output, StringComparison.Ordinal);
        Assert.Equal(small, await File.ReadAllTextAsync(Snapshot));
        await using var written = File.OpenRead(Snapshot);
        var loaded = LfpseTaxonomy.Read(written);
        Assert.Equal(2, loaded.Codes("worry-scale").Count);
        Assert.False(File.Exists(Snapshot + ".new"));
    }

    [Fact]
    public async Task A_taxonomy_saved_to_a_file_is_read_the_same_way()
    {
        var saved = Path.Combine(_folder, "downloaded.json");
        await File.WriteAllTextAsync(saved, SmallTaxonomy());
        using var app = new FailingWellApp();
        _ = app.Services;

        var (exitCode, _, error) = await RunAsync(app, "--from", saved, "--to", Snapshot);

        Assert.True(exitCode == 0, error);
        Assert.Equal(await File.ReadAllTextAsync(saved), await File.ReadAllTextAsync(Snapshot));
    }

    [Theory]
    [InlineData("not-json", "is not a taxonomy in the snapshot's shape")]
    [InlineData("no-agents", "the extension adverse-event-agent is missing")]
    [InlineData("empty-codes", "the value set worry-scale has no codes")]
    [InlineData("version-5", "it is version 5, and this FailingWell maps version 6")]
    [InlineData("failing", "answered 500")]
    [InlineData("absent", "answered 404")]
    public async Task A_bad_taxonomy_replaces_nothing_and_says_why_with_a_non_zero_exit_code(string name, string why)
    {
        _answers["not-json"] = (200, "<html>Service unavailable</html>");
        _answers["no-agents"] = (200, SmallTaxonomy(t =>
        {
            var extensions = t["extensions"]!.AsArray();
            extensions.Remove(extensions.First(e => (string?)e!["name"] == "adverse-event-agent"));
        }));
        _answers["empty-codes"] = (200, SmallTaxonomy(t => t["valueSets"]!["worry-scale"] = new JsonArray()));
        _answers["version-5"] = (200, SmallTaxonomy(t => t["version"] = 5));
        _answers["failing"] = (500, "{}");
        using var app = new FailingWellApp();
        _ = app.Services;

        var (exitCode, _, error) = await RunAsync(app, "--from", $"{_baseUrl}/taxonomy/{name}", "--to", Snapshot);

        Assert.Equal(1, exitCode);
        Assert.Contains("--from: ", error, StringComparison.Ordinal);
        Assert.Contains(why, error, StringComparison.Ordinal);
        Assert.Contains("othing was replaced", error, StringComparison.Ordinal);
        Assert.Equal(OldSnapshot, await File.ReadAllTextAsync(Snapshot));
        Assert.False(File.Exists(Snapshot + ".new"));
    }

    [Fact]
    public async Task Without_from_and_to_the_verb_says_what_it_needs()
    {
        using var app = new FailingWellApp();
        _ = app.Services;

        var (exitCode, _, error) = await RunAsync(app);

        Assert.Equal(1, exitCode);
        Assert.Contains("--from: Give the taxonomy's address", error, StringComparison.Ordinal);
        Assert.Contains("--to: Give the snapshot file to write", error, StringComparison.Ordinal);
        Assert.Equal(OldSnapshot, await File.ReadAllTextAsync(Snapshot));
    }
}
