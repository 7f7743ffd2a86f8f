using System.Globalization;
using CsvHelper;

namespace FailingWell.Web.Features.Admin;

/// <summary>The same search as the audit log page, as a CSV file of at most 100,000 rows.</summary>
public static class ExportAuditLog
{
    public const int MaxRows = 100_000;

    public sealed record Query(AuditFilter Filter) : IRequest<Result>;

    public sealed record Result(byte[] Csv, string FileName);

    public sealed class Handler(FailingWellDbContext db, UkTime uk) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var entries = await request.Filter.Apply(db.AuditEntries.AsNoTracking()).Take(MaxRows).ToListAsync(cancellationToken);
            using var stream = new MemoryStream();
            await using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
            {
                // A display name such as "=HYPERLINK(...)" is text in the spreadsheet, never a formula.
                var csv = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.Escape }, true);
                csv.WriteField("When (UTC)");
                csv.WriteField("Who");
                csv.WriteField("Action");
                csv.WriteField("Report");
                csv.EndRecord();
                foreach (var entry in entries)
                {
                    csv.WriteField(entry.AtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                    csv.WriteField(entry.AccountName ?? "System");
                    csv.WriteField(entry.Action);
                    csv.WriteField(entry.ReportReference ?? "");
                    csv.EndRecord();
                }

                csv.Flush();
            }

            return new Result(stream.ToArray(), $"failingwell-audit-{uk.Today:yyyy-MM-dd}.csv");
        }
    }
}
