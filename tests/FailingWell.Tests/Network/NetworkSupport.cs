using System.Text.RegularExpressions;
using FailingWell.Web.Domain.Network;
using FailingWell.Web.Features.Network.Hub;
using FailingWell.Web.Features.Triage;
using FailingWell.Web.Infrastructure.Data;

namespace FailingWell.Tests.Network;

/// <summary>Hubs, members and their leads for the learning network's tests.</summary>
public static partial class NetworkSupport
{
    /// <summary>A member's settings, as its admin would set them from what the hub's coordinator gave.</summary>
    public static Dictionary<string, string> MemberSettings(Uri hub, IssuedKey key, string type = "Acute trust") => new()
    {
        ["Network:Role"] = "Member",
        ["Network:HubUrl"] = hub.ToString(),
        ["Network:MemberId"] = key.MemberId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Network:Key"] = key.Key,
        ["Network:OrganisationName"] = key.Name,
        ["Network:OrganisationType"] = type,
        ["Network:DeliveryIntervalSeconds"] = "1",
        ["Network:PullIntervalSeconds"] = "1",
        ["Network:RetryBaseSeconds"] = "1",
    };

    public static readonly Dictionary<string, string> HubSettings = new() { ["Network:Role"] = "Hub" };

    /// <summary>An in-process member whose hub is nowhere (nothing listens at its address).</summary>
    public static FailingWellApp MemberWithoutHub() => new FailingWellApp()
        .With("Network:Role", "Member")
        .With("Network:HubUrl", $"http://127.0.0.1:{SiteProcess.FreePort()}/")
        .With("Network:MemberId", "7")
        .With("Network:Key", "a-key-the-hub-never-issued")
        .With("Network:OrganisationName", "Test Trust")
        .With("Network:OrganisationType", "Acute trust")
        .With("Network:DeliveryIntervalSeconds", "3600")
        .With("Network:PullIntervalSeconds", "3600");

    /// <summary>Adds a member at the hub, as its coordinator's page does, and returns the key shown once.</summary>
    public static async Task<IssuedKey> AddMemberAsync(FailingWellApp hub, string coordinatorId, string name, string type = "Acute trust")
    {
        ArgumentNullException.ThrowIfNull(hub);
        await using var scope = hub.Scope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new AddMember.Command { ActorAccountId = coordinatorId, Name = name, OrganisationType = type });
    }

    /// <summary>A report received and closed by a lead.</summary>
    public static async Task<ReportBuilder.Submitted> ClosedReportAsync(FailingWellApp app, string leadId, string whatHappened, string? category = null)
    {
        var report = await new ReportBuilder { WhatHappened = whatHappened, Category = category }.SubmitAsync(app);
        await SavedReports.ChangeAsync(app, leadId, report.Id, new Close.Command { Outcome = "Checked and changed." });
        return report;
    }

    /// <summary>A browser signed in on a separate site process, password then authenticator code.</summary>
    public static async Task<HttpClient> SignInAsync(SiteProcess site, Staff.Account account)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(account);
        var browser = site.Browser();
        var password = await Staff.PostSignInAsync(browser, account.Email);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var code = await Forms.PostAsync(browser, "/account/sign-in/code", new Dictionary<string, string> { ["Input.Code"] = Staff.CodeFor(account) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        return browser;
    }

    /// <summary>The fields of a complete note, ready to submit.</summary>
    public static Dictionary<string, string> NoteFields(string title, string category, bool submit = true, bool checkedNobody = true) => new()
    {
        ["Note.Title"] = title,
        ["Note.WhatHappened"] = "A patient at risk of falls got up at night to use the toilet and fell; the call bell had been left out of reach.",
        ["Note.WhatWasLearned"] = "Call bells were moved during bed making and not put back.",
        ["Note.WhatChanged"] = "Bed making now ends with a call bell check, and the safety huddle asks about it.",
        ["Note.Category"] = category,
        ["Note.Kind"] = nameof(ReportKind.Incident),
        ["Note.HarmBand"] = nameof(PhysicalHarm.Low),
        ["Note.Month"] = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        ["Note.CheckedIdentifiesNobody"] = checkedNobody ? "true" : "false",
        ["Note.Submit"] = submit ? "true" : "false",
    };

    public static async Task<string> FirstCategoryAsync(FailingWellApp app)
    {
        await using var scope = app.Scope();
        return await FailingWellApp.NewDbContext(scope).Categories.OrderBy(c => c.SortOrder).ThenBy(c => c.Name).Select(c => c.Name).FirstAsync();
    }

    public static async Task<T> InDatabaseAsync<T>(FailingWellApp app, Func<FailingWellDbContext, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(read);
        await using var scope = app.Scope();
        return await read(FailingWellApp.NewDbContext(scope));
    }

    public static Task<LearningNote> OnlyNoteAsync(FailingWellApp app) => InDatabaseAsync(app, db => db.LearningNotes.AsNoTracking().SingleAsync());

    /// <summary>Drafts a note from a report on a member's site and has a second lead approve it there.</summary>
    public static async Task PublishAsync(HttpClient drafter, HttpClient approver, FailingWellApp member, int reportId, string title, string category)
    {
        var drafted = await Forms.PostAsync(drafter, $"/network/notes/new?report={reportId}", NoteFields(title, category));
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        var note = await InDatabaseAsync(member, db => db.LearningNotes.AsNoTracking().SingleAsync(n => n.Title == title));
        var approved = await Forms.PostAsync(approver, "/network/notes?handler=Approve", new Dictionary<string, string> { ["Approve.NoteId"] = note.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, tokenFrom: "/network/notes");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
    }

    public static int LibraryIdIn(string html, string title)
    {
        var match = Regex.Match(html, "href=\"/network/library/(\\d+)\">" + Regex.Escape(WebUtility.HtmlEncode(title)) + "<");
        Assert.True(match.Success, $"No library link to '{title}'");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
