using System.Text.RegularExpressions;
using FailingWell.Web.Features.SpeakUp;

namespace FailingWell.Tests.Support;

/// <summary>Speak-up cases for tests: raised through the report form as staff do, or written straight in to count.</summary>
public static partial class SpeakUpCases
{
    public sealed record Raised(HttpResponseMessage Response, string Html, string? Reference, string? ReceiptCode);

    /// <summary>The report form with the guardian chosen: only what a speak-up case asks.</summary>
    public static Dictionary<string, string> Answers(SpeakUpRoute route, SpeakUpOpenness? openness, string concern, string? name = null) => new()
    {
        ["Input.Route"] = route.ToString(),
        ["Input.Openness"] = openness?.ToString() ?? "",
        ["Input.WhatHappened"] = concern,
        ["Input.Where"] = "",
        ["Input.StaffGroupId"] = "",
        ["Input.ReporterName"] = name ?? "",
    };

    public static async Task<Raised> RaiseAsync(HttpClient client, SpeakUpRoute route, SpeakUpOpenness? openness, string concern, string? name = null) =>
        await RaiseAsync(client, Answers(route, openness, concern, name));

    public static async Task<Raised> RaiseAsync(HttpClient client, IDictionary<string, string> answers)
    {
        var response = await Forms.PostAsync(client, "/report", answers);
        var html = await response.Content.ReadAsStringAsync();
        var reference = ReferencePattern().Match(html);
        var code = CodePattern().Match(html);
        return new Raised(response, html, reference.Success ? reference.Value : null, code.Success ? WebUtility.HtmlDecode(code.Groups[1].Value) : null);
    }

    public static async Task<SpeakUpCase> LoadAsync(FailingWellApp app, string reference)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        return await FailingWellApp.NewDbContext(scope).SpeakUpCases.AsNoTracking().Include(c => c.Messages).SingleAsync(c => c.Reference == reference);
    }

    /// <summary>Sends a guardian's change, stamped with the case's current version.</summary>
    public static async Task<T> ChangeAsync<T>(FailingWellApp app, string actorId, string reference, CaseChange<T> change)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(change);
        var saved = await LoadAsync(app, reference);
        change.CaseId = saved.Id;
        change.ActorAccountId = actorId;
        change.Version = saved.Version;
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(change);
    }

    /// <summary>Writes a case straight into the database (for counting), with what <paramref name="then"/> sets.</summary>
    public static async Task<SpeakUpCase> SaveAsync(FailingWellApp app, DateOnly receivedOn, Action<SpeakUpCase>? then = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        var speakUpCase = new SpeakUpCase
        {
            Reference = SpeakUpReference.Draw(receivedOn.Year),
            Route = SpeakUpRoute.ChoseTheGuardian,
            WhatIsTheConcern = "A seeded concern",
            ReceivedOn = receivedOn,
            ReceivedBand = TimeBand.Morning,
            AcknowledgeBy = receivedOn.AddDays(7),
            FeedbackBy = receivedOn.AddMonths(3),
            SubmissionId = Guid.NewGuid(),
            ReceiptLocator = System.Security.Cryptography.RandomNumberGenerator.GetHexString(8),
            ReceiptSalt = new byte[16],
            ReceiptHash = new byte[32],
        };
        then?.Invoke(speakUpCase);
        db.SpeakUpCases.Add(speakUpCase);
        await db.SaveChangesAsync();
        return speakUpCase;
    }

    [GeneratedRegex(@"SU-\d{4}-[0-9A-HJKMNP-TV-Z]{6}")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex("id=\"receipt-code\">([^<]+)<")]
    private static partial Regex CodePattern();
}
