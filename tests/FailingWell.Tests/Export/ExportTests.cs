using System.IO.Compression;
using System.Text;
using CsvHelper;
using FailingWell.Tests.Host;
using FailingWell.Web.Features.Export;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace FailingWell.Tests.Export;

/// <summary>
/// Taking everything out: the admin's zip and the guardian's, as they download them, read back with
/// CsvHelper against the data dictionary and the database. One organisation, seeded once: a named and
/// two anonymous reports with their triage, an action, messages, a learning response with its safety
/// action, and a confidential speak-up case.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class ExportTests(ExportTests.Organisation organisation) : IClassFixture<ExportTests.Organisation>
{
    private const string Formula = "=HYPERLINK(\"http://example.invalid\",\"open\")";
    private const string SpeakUpWords = "GuardianOnlyWords about the ward manager";
    private const string SpeakerName = "Confidential Speaker";

    public sealed class Organisation : IAsyncLifetime
    {
        public FailingWellApp App { get; } = new();

        public ReportBuilder.Submitted Anonymous { get; private set; } = null!;

        public Report Careless { get; private set; } = null!;

        public SpeakUpCase Case { get; private set; } = null!;

        public HttpClient Admin { get; private set; } = null!;

        public HttpClient Guardian { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Anonymous = await new ReportBuilder { WhatHappened = Formula, ImmediateAction = "-2+3 bags of saline moved" }.SubmitAsync(App);
            await new ReportBuilder { ReporterName = "Named Reporter", ReporterEmail = "named.reporter@trust.nhs.uk" }.SubmitAsync(App);
            // A state no form makes: an anonymous report holding contact details. The export still leaves them out.
            Careless = await new ReportBuilder { Then = r => (r.ReporterName, r.ReporterEmail) = ("Should Not Leave", "should.not.leave@trust.nhs.uk") }.SaveAsync(App);
            Case = await SpeakUpCases.SaveAsync(App, new DateOnly(2026, 3, 2), c =>
            {
                c.WhatIsTheConcern = SpeakUpWords;
                c.Openness = SpeakUpOpenness.Confidential;
                c.ReporterName = SpeakerName;
                c.Messages.Add(new SpeakUpMessage { Author = MessageAuthor.Reviewer, StaffName = "Guardian", Body = "Thank you for telling me.", SentOn = new DateOnly(2026, 3, 3), SentBand = TimeBand.Morning, SubmissionId = Guid.NewGuid() });
            });

            await using (var scope = App.Scope())
            {
                var db = FailingWellApp.NewDbContext(scope);
                var report = await db.Reports.SingleAsync(r => r.Id == Anonymous.Id);
                report.Title = "Slip by bay 3";
                report.Actions.Add(new ReportAction { Description = "@Estates: fix the leak", OwnerName = "Estates lead", DueOn = new DateOnly(2026, 4, 1) });
                report.Messages.Add(new ReportMessage { Author = MessageAuthor.Reviewer, StaffName = "A lead", Body = "Thank you: we are looking into it.", SentOn = new DateOnly(2026, 3, 4), SentBand = TimeBand.Afternoon, SubmissionId = Guid.NewGuid() });
                report.Messages.Add(new ReportMessage { Author = MessageAuthor.Reporter, Body = "+ it happened again", SentOn = new DateOnly(2026, 3, 5), SentBand = TimeBand.Night, SubmissionId = Guid.NewGuid() });
                var category = await db.Categories.OrderBy(c => c.Id).FirstAsync();
                var response = new LearningResponse { Type = LearningResponseType.AfterActionReview, Title = "Wet floors", CreatedOn = new DateOnly(2026, 3, 6), LeadName = "A lead", Findings = "Mops left out" };
                response.Reports.Add(new LearningResponseReport { ReportId = report.Id });
                response.Actions.Add(new SafetyAction { Description = "Dry floor signs on every ward", OwnerAccountId = "", OwnerName = "Matron", StartsOn = new DateOnly(2026, 4, 1), DueOn = new DateOnly(2026, 5, 1), MeasureCategoryId = category.Id });
                db.LearningResponses.Add(response);
                await db.SaveChangesAsync();
            }

            Admin = await Staff.SignInAsync(App, await Staff.CreateAsync(App, StaffRoles.Admin));
            Guardian = await Staff.SignInAsync(App, await Staff.CreateAsync(App, StaffRoles.Guardian));
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    private sealed record Download(HttpResponseMessage Response, Dictionary<string, byte[]> Entries)
    {
        public string Text(string file) => Encoding.UTF8.GetString(Entries[file]);

        public string AllText => string.Join("\n", Entries.Keys.Select(Text));

        /// <summary>The file's header and rows, read back with CsvHelper.</summary>
        public (IReadOnlyList<string> Header, List<string[]> Rows) Read(string file)
        {
            using var reader = CsvReader.Create(new MemoryStream(Entries[file]), new CsvReaderOptions { Separator = ',' });
            var rows = new List<string[]>();
            while (reader.Read())
            {
                rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
            }

            return ([.. reader.Headers], rows);
        }

        public List<string> Column(string file, string column)
        {
            var (header, rows) = Read(file);
            var index = header.ToList().IndexOf(column);
            Assert.True(index >= 0, $"{file} has no column {column}");
            return [.. rows.Select(r => r[index])];
        }
    }

    private static async Task<Download> DownloadAsync(HttpClient client, string path)
    {
        var response = await Forms.PostAsync(client, path, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new Download(response, Unzip(await response.Content.ReadAsByteArrayAsync()));
    }

    private static Dictionary<string, byte[]> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    [Fact]
    public async Task The_admins_zip_holds_the_described_files_each_parsing_back_with_the_dictionarys_columns_and_the_databases_row_counts()
    {
        var export = await DownloadAsync(organisation.Admin, "/admin/export");

        Assert.Equal("application/zip", export.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", export.Response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("failingwell-export-", export.Response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        Assert.Equal([.. ExportContents.Everything, ExportDictionary.FileName], export.Entries.Keys);

        var dictionary = export.Read(ExportDictionary.FileName);
        Assert.Equal(["file", "column", "type", "description"], dictionary.Header);
        await using var scope = organisation.App.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        var expected = new Dictionary<string, int>
        {
            ["reports.csv"] = await db.Reports.CountAsync(),
            ["report-actions.csv"] = await db.ReportActions.CountAsync(),
            ["report-messages.csv"] = await db.ReportMessages.CountAsync(),
            ["learning-responses.csv"] = await db.LearningResponses.CountAsync(),
            ["learning-response-reports.csv"] = await db.LearningResponseReports.CountAsync(),
            ["safety-actions.csv"] = await db.SafetyActions.CountAsync(),
        };
        foreach (var (file, count) in expected)
        {
            // Every CSV starts with UTF-8's byte order mark, so that Excel reads it as UTF-8.
            Assert.True(export.Entries[file].AsSpan().StartsWith(Encoding.UTF8.Preamble), $"{file} has no byte order mark");
            var (header, rows) = export.Read(file);
            var described = dictionary.Rows.Where(r => r[0] == file && r[2] is not ("file" or "convention")).Select(r => r[1]).ToList();
            Assert.Equal(described, header);
            Assert.True(count > 0, $"the organisation has no rows for {file}");
            Assert.Equal(count, rows.Count);
            Assert.All(rows, row => Assert.Equal(header.Count, row.Length));
        }

        Assert.Contains(dictionary.Rows, r => r[0] == "*" && r[1] == "dates" && r[3].Contains("Europe/London", StringComparison.Ordinal));
        Assert.DoesNotContain(dictionary.Rows, r => r[0].StartsWith("speak-up", StringComparison.Ordinal));
        Assert.Contains("Slip by bay 3", export.Column("reports.csv", "title"));
        Assert.Equal([organisation.Anonymous.Reference], export.Column("learning-response-reports.csv", "report_reference"));
    }

    [Fact]
    public async Task Nothing_that_could_find_an_anonymous_reporter_or_a_speak_up_case_is_in_the_admins_export()
    {
        var export = await DownloadAsync(organisation.Admin, "/admin/export");
        var all = export.AllText;
        var anonymous = await SavedReports.LoadAsync(organisation.App, organisation.Anonymous.Id);

        Assert.DoesNotContain(organisation.Anonymous.ReceiptCode!, all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(anonymous.ReceiptLocator!, all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToHexString(anonymous.ReceiptHash), all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(anonymous.ReceiptHash), all, StringComparison.Ordinal);
        Assert.DoesNotContain(anonymous.SubmissionId.ToString(), all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Should Not Leave", all, StringComparison.Ordinal);
        Assert.DoesNotContain("should.not.leave", all, StringComparison.Ordinal);
        // A reporter who chose to give their name is named, as leads see them.
        Assert.Contains("named.reporter@trust.nhs.uk", export.Column("reports.csv", "reporter_email"));
        Assert.DoesNotContain(SpeakUpWords, all, StringComparison.Ordinal);
        Assert.DoesNotContain(SpeakerName, all, StringComparison.Ordinal);
        Assert.DoesNotContain(organisation.Case.Reference, all, StringComparison.Ordinal);
        // Rows follow the random references, never the order of arrival.
        var references = export.Column("reports.csv", "reference");
        Assert.Equal(references.Order(StringComparer.Ordinal), references);
    }

    [Fact]
    public async Task A_guardians_export_holds_every_speak_up_case_with_its_messages_and_no_report()
    {
        var export = await DownloadAsync(organisation.Guardian, "/speak-up/export");

        Assert.Equal(["data-dictionary.csv", "speak-up-cases.csv", "speak-up-messages.csv"], export.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([organisation.Case.Reference], export.Column("speak-up-cases.csv", "reference"));
        Assert.Equal([SpeakUpWords], export.Column("speak-up-cases.csv", "what_is_the_concern"));
        Assert.Equal([SpeakerName], export.Column("speak-up-cases.csv", "reporter_name"));
        Assert.Equal(["Thank you for telling me."], export.Column("speak-up-messages.csv", "body"));
        Assert.DoesNotContain(organisation.Anonymous.Reference, export.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("reports.csv", export.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cell_that_starts_like_a_formula_is_written_as_text_in_every_file()
    {
        var export = await DownloadAsync(organisation.Admin, "/admin/export");

        Assert.Contains("'" + Formula, export.Column("reports.csv", "what_happened"));
        Assert.Contains("'-2+3 bags of saline moved", export.Column("reports.csv", "immediate_action"));
        Assert.Equal(["'@Estates: fix the leak"], export.Column("report-actions.csv", "description"));
        Assert.Contains("'+ it happened again", export.Column("report-messages.csv", "body"));
        foreach (var file in export.Entries.Keys)
        {
            Assert.All(export.Read(file).Rows.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal), $"{file}: {cell}"));
        }
    }

    [Fact]
    public async Task Each_export_is_audited_with_its_row_counts_never_its_contents_and_the_guardians_stays_out_of_the_admins_log()
    {
        await DownloadAsync(organisation.Admin, "/admin/export");
        await DownloadAsync(organisation.Guardian, "/speak-up/export");

        await using var scope = organisation.App.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        var reports = await db.Reports.CountAsync();
        var everything = await db.AuditEntries.Where(a => a.Action.StartsWith("Exported everything")).OrderByDescending(a => a.Id).FirstAsync();
        Assert.Contains($"reports.csv {reports} rows", everything.Action, StringComparison.Ordinal);
        Assert.Contains("safety-actions.csv 1 rows", everything.Action, StringComparison.Ordinal);
        Assert.NotNull(everything.AccountId);
        Assert.Null(everything.ReportId);
        var cases = await db.AuditEntries.Where(a => a.Action.StartsWith("Exported every speak-up case")).OrderByDescending(a => a.Id).FirstAsync();
        Assert.Contains("speak-up-cases.csv 1 rows", cases.Action, StringComparison.Ordinal);
        Assert.StartsWith("SU-", cases.ReportReference, StringComparison.Ordinal);
        foreach (var entry in new[] { everything, cases })
        {
            Assert.DoesNotContain("Slip", entry.Action, StringComparison.Ordinal);
            Assert.DoesNotContain(SpeakUpWords, entry.Action, StringComparison.Ordinal);
        }

        var log = await organisation.Admin.GetStringAsync(new Uri("/admin/audit", UriKind.Relative));
        Assert.Contains("Exported everything", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Exported every speak-up case", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_verb_writes_the_same_files_as_the_page_and_says_how_many_rows()
    {
        var page = await DownloadAsync(organisation.Admin, "/admin/export");
        var zip = Path.Combine(organisation.App.Folder, "everything.zip");

        var (exitCode, output, error) = await CommandLineVerbsTests.RunAsync(organisation.App, null, "export", "--out", zip);

        Assert.True(exitCode == 0, error);
        Assert.Contains("reports.csv", output, StringComparison.Ordinal);
        var verb = Unzip(await File.ReadAllBytesAsync(zip));
        Assert.Equal(page.Entries.Keys.Order(StringComparer.Ordinal), verb.Keys.Order(StringComparer.Ordinal));
        foreach (var (file, bytes) in page.Entries)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(verb[file]), $"{file} differs between the page and the verb");
        }

        Assert.False(File.Exists(zip + ".part"));
        var (refused, _, why) = await CommandLineVerbsTests.RunAsync(organisation.App, null, "export");
        Assert.Equal(1, refused);
        Assert.Contains("--out", why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Random_malformed_and_hostile_posts_to_both_export_forms_get_no_server_error()
    {
        foreach (var (role, path) in new[] { (StaffRoles.Admin, "/admin/export"), (StaffRoles.Guardian, "/speak-up/export") })
        {
            var cookies = new CookieContainer();
            using var signedIn = await Staff.SignInAsync(organisation.App, await Staff.CreateAsync(organisation.App, role), cookies);

            var outcome = await new FormFuzzer(() => organisation.App.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)), seed: 4343)
                .RunAsync([path], posts: 60, limit: TimeSpan.FromMinutes(1));

            Assert.True(outcome.Posts >= 30, $"Only {outcome.Posts} posts to {path}");
            Assert.True(outcome.ServerErrors == 0, $"{path}: {outcome.ServerErrors} server errors: {string.Join("; ", outcome.ServerErrorSamples)}");
        }
    }
}
