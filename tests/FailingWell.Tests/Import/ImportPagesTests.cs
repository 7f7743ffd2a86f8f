using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using FailingWell.Web.Features.Import;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace FailingWell.Tests.Import;

/// <summary>/admin/import and /admin/import/{id}: what an admin does, in the order the pages ask.</summary>
public sealed partial class ImportPagesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient admin, byte[] content, string fileName, string system)
    {
        var token = Forms.TokenIn(await admin.GetStringAsync(new Uri("/admin/import", UriKind.Relative)));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(system), "Input.SourceSystem" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", fileName);
        return await admin.PostAsync(new Uri("/admin/import?handler=Upload", UriKind.Relative), form);
    }

    [Fact]
    public async Task An_admin_uploads_maps_columns_and_words_checks_and_imports_then_marks_the_move_on_the_timeline()
    {
        using var app = new FailingWellApp { Clock = new MovableClock(Now) };
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));
        var rows = ImportSupport.Rows(12, new DateOnly(2025, 6, 2)).ToList();
        rows[3][6] = "Low harm";

        var wrong = await UploadAsync(admin, Encoding.UTF8.GetBytes("not a spreadsheet"), "notes.txt", "Datix");
        Assert.Contains("Choose a CSV (.csv) or Excel (.xlsx) file", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var uploaded = await UploadAsync(admin, Encoding.UTF8.GetBytes(ImportSupport.Csv(rows)), "datix.csv", "Datix");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var path = uploaded.Headers.Location!.ToString();
        var page = await admin.GetStringAsync(new Uri(path, UriKind.Relative));
        Assert.Contains("<option value=\"Incident date\" selected=\"selected\">Incident date</option>", page, StringComparison.Ordinal); // guessed from the heading
        Assert.DoesNotContain("<option value=\"Reporter\" selected", page, StringComparison.Ordinal); // never guessed

        // Columns: a reporter's name is refused unless the admin says so deliberately.
        var columns = new Dictionary<string, string> { ["Input.DateFormat"] = ImportMap.UkDates };
        var i = 0;
        foreach (var (field, heading) in new (ImportField, string)[]
        {
            (ImportField.SourceReference, "ID"), (ImportField.OccurredOn, "Incident date"), (ImportField.Description, "Description"),
            (ImportField.Category, "Category"), (ImportField.Harm, "Severity"), (ImportField.ReporterName, "Reporter"),
        })
        {
            columns[$"Input.Columns[{i}].Field"] = field.ToString();
            columns[$"Input.Columns[{i++}].Heading"] = heading;
        }

        var refused = await (await Forms.PostAsync(admin, path + "?handler=Columns", columns, path)).Content.ReadAsStringAsync();
        Assert.Contains("Tick that you mean to keep reporters", refused, StringComparison.Ordinal);
        columns.Remove("Input.Columns[5].Heading");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(admin, path + "?handler=Columns", columns, path)).StatusCode);

        page = await admin.GetStringAsync(new Uri(path, UriKind.Relative));
        Assert.Contains("No mapping", page, StringComparison.Ordinal);
        var words = WordField().Matches(page).Select(m => (Index: m.Groups[1].Value, Field: m.Groups[2].Value)).ToList();
        var values = new Dictionary<string, string>();
        await using (var scope = app.Scope())
        {
            var falls = (await FailingWellApp.NewDbContext(scope).Categories.SingleAsync(c => c.Name == "Falls")).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (index, field) in words)
            {
                var word = Regex.Match(page, $"name=\"Input.Words\\[{index}\\].Word\" value=\"([^\"]*)\"").Groups[1].Value;
                values[$"Input.Words[{index}].Field"] = field;
                values[$"Input.Words[{index}].Word"] = word;
                values[$"Input.Words[{index}].Target"] = field == nameof(ImportField.Category) ? falls : word == "Low harm" ? "Low" : "None";
            }
        }

        Assert.Equal(3, words.Count); // Falls; No harm and Low harm
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(admin, path + "?handler=Values", values, path)).StatusCode);

        var check = await (await Forms.PostAsync(admin, path + "?handler=Check", new Dictionary<string, string>(), path)).Content.ReadAsStringAsync();
        Assert.Contains("12 rows: 12 new, 0 already here. No problems.", check, StringComparison.Ordinal);
        var imported = await Forms.PostAsync(admin, path + "?handler=Import", new Dictionary<string, string>(), path);
        Assert.Equal("/admin/import", imported.Headers.Location!.ToString());
        var doneResponse = await admin.GetAsync(new Uri("/admin/import", UriKind.Relative));
        Assert.True(doneResponse.IsSuccessStatusCode, app.Logs.AllText[^Math.Min(4000, app.Logs.AllText.Length)..]);
        var done = await doneResponse.Content.ReadAsStringAsync();
        Assert.Contains("12 new, 0 already here", done, StringComparison.Ordinal);
        Assert.Contains("Saved: Datix.", done, StringComparison.Ordinal);
        var on = Regex.Match(done, "name=\"on\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(admin, "/admin/import?handler=Timeline", new Dictionary<string, string> { ["on"] = on }, "/admin/import")).StatusCode);

        await using var check2 = app.Scope();
        var db = FailingWellApp.NewDbContext(check2);
        Assert.Equal(12, await db.Reports.CountAsync(r => r.IsImported && r.ReporterName == null));
        Assert.Equal(1, await db.Reports.CountAsync(r => r.PhysicalHarm == PhysicalHarm.Low));
        Assert.Equal("Moved to FailingWell", (await db.Annotations.SingleAsync()).Text);
        // The page is gone with its file.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Random_malformed_and_hostile_posts_to_the_upload_and_mapping_forms_get_no_server_error()
    {
        using var app = new FailingWellApp { Clock = new MovableClock(Now) };
        var upload = await ImportSupport.UploadAsync(app, Encoding.UTF8.GetBytes(ImportSupport.Csv(ImportSupport.Rows(20, new DateOnly(2025, 6, 2)))));
        await ImportSupport.MapAsync(app, upload);
        var admin = await Staff.CreateAsync(app, StaffRoles.Admin);
        var cookies = new CookieContainer();
        using var signedIn = await Staff.SignInAsync(app, admin, cookies);

        var outcome = await new FormFuzzer(() => app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)), seed: 143)
            .RunAsync(["/admin/import", $"/admin/import/{upload}"], posts: 250, limit: TimeSpan.FromMinutes(2));

        Assert.True(outcome.Posts >= 100, $"Only {outcome.Posts} posts");
        Assert.True(outcome.ServerErrors == 0, $"{outcome.ServerErrors} server errors: {string.Join("; ", outcome.ServerErrorSamples)}");
    }

    [GeneratedRegex("name=\"Input.Words\\[(\\d+)\\].Field\" value=\"(\\w+)\"")]
    private static partial Regex WordField();
}
