using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FailingWell.Web.Features.Admin;

public sealed class AuditModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public AuditSearch.Filter Filter { get; set; } = new();

    public AuditSearch.Result Result { get; private set; } = null!;

    public async Task OnGetAsync() => Result = await mediator.Send(new AuditSearch.Query(Filter));

    /// <summary>The same search as a CSV file (at most 100,000 rows).</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        var result = await mediator.Send(new AuditSearch.Query(Filter, All: true));
        var stream = new MemoryStream();
        await using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        {
            var csv = CsvWriter.Create(writer, new CsvWriterOptions(), true);
            csv.WriteField("When (UTC)");
            csv.WriteField("Who");
            csv.WriteField("Action");
            csv.WriteField("Report");
            csv.EndRecord();
            foreach (var entry in result.Entries)
            {
                csv.WriteField(entry.AtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                csv.WriteField(entry.AccountName ?? "System");
                csv.WriteField(entry.Action);
                csv.WriteField(entry.ReportReference ?? "");
                csv.EndRecord();
            }

            csv.Flush();
        }

        stream.Position = 0;
        return File(stream, "text/csv", $"failingwell-audit-{DateTime.UtcNow:yyyy-MM-dd}.csv");
    }
}
