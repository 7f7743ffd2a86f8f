using System.Globalization;

namespace FailingWell.Web.Features.Admin;

/// <summary>What the audit log is searched by: part of a person's name, a report reference, a range of dates.</summary>
public sealed class AuditFilter
{
    /// <summary>Part of a person's name.</summary>
    public string? Person { get; set; }

    public string? Reference { get; set; }

    /// <summary>yyyy-mm-dd, inclusive.</summary>
    public string? From { get; set; }

    public string? To { get; set; }

    public int Page { get; set; } = 1;

    public DateTime? FromUtc => DateOnly.TryParseExact(From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToDateTime(TimeOnly.MinValue) : null;

    public DateTime? ToUtc => DateOnly.TryParseExact(To, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.AddDays(1).ToDateTime(TimeOnly.MinValue) : null;

    /// <summary>The matching entries, newest first, none about a speak-up case: the page and the CSV export search alike.</summary>
    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        entries = SpeakUpReference.NotAboutCases(entries);
        if (!string.IsNullOrWhiteSpace(Person))
        {
            var person = Person.Trim();
            entries = entries.Where(a => a.AccountName != null && a.AccountName.Contains(person));
        }

        if (!string.IsNullOrWhiteSpace(Reference))
        {
            var reference = Reference.Trim().ToUpperInvariant();
            entries = entries.Where(a => a.ReportReference == reference);
        }

        if (FromUtc is { } from)
        {
            entries = entries.Where(a => a.AtUtc >= from);
        }

        if (ToUtc is { } to)
        {
            entries = entries.Where(a => a.AtUtc < to);
        }

        return entries.OrderByDescending(a => a.Id);
    }
}
