using FailingWell.Web.Domain.Network;
using static FailingWell.Tests.Network.NetworkSupport;

namespace FailingWell.Tests.Network.Member;

/// <summary>Drafting, warning, approving and discarding learning notes on a member's pages.</summary>
public sealed class LearningNotePageTests
{
    [Fact]
    public async Task The_draft_form_starts_empty_of_the_report_and_opens_only_for_a_closed_report()
    {
        using var app = MemberWithoutHub();
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        var closed = await ClosedReportAsync(app, lead.Id, "Theodora Pemberton-Smythe slipped by the fish tank.");
        var open = await new ReportBuilder().SubmitAsync(app);
        using var browser = await Staff.SignInAsync(app, lead);

        var form = await browser.GetAsync(new Uri($"/network/notes/new?report={closed.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var html = await form.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Pemberton", html, StringComparison.Ordinal);
        Assert.DoesNotContain(closed.Reference, html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{DateTime.UtcNow:yyyy-MM}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri($"/network/notes/new?report={open.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri("/network/notes/new", UriKind.Relative))).StatusCode);
        var triage = await browser.GetStringAsync(new Uri($"/triage/reports/{closed.Id}", UriKind.Relative));
        Assert.Contains($"href=\"/network/notes/new?report={closed.Id}\"", triage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_dates_and_places_are_warned_of_beside_the_field_and_submitting_needs_the_tick()
    {
        using var app = MemberWithoutHub();
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        var report = await ClosedReportAsync(app, lead.Id, "A fall.");
        var category = await FirstCategoryAsync(app);
        using var browser = await Staff.SignInAsync(app, lead);
        var fields = NoteFields("Falls at night", category, submit: false);
        fields["Note.WhatHappened"] = "On Tuesday 3rd March Mrs Hargreaves fell in bay 4.";

        var saved = await Forms.PostAsync(browser, $"/network/notes/new?report={report.Id}", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var note = await OnlyNoteAsync(app);
        Assert.Equal(LearningNoteStatus.Draft, note.Status);
        var edit = await browser.GetStringAsync(new Uri($"/network/notes/{note.Id}/edit", UriKind.Relative));
        Assert.Contains("id=\"Note_WhatHappened-warning\"", edit, StringComparison.Ordinal);
        Assert.Contains("This looks like a person&#x27;s name", edit, StringComparison.Ordinal);
        Assert.Contains("This looks like a date", edit, StringComparison.Ordinal);
        Assert.Contains("This looks like a ward, bay, bed, room or place", edit, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"Note_WhatChanged-warning\"", edit, StringComparison.Ordinal);

        fields["Note.Submit"] = "true";
        fields["Note.CheckedIdentifiesNobody"] = "false";
        var unticked = await Forms.PostAsync(browser, $"/network/notes/{note.Id}/edit", fields);
        Assert.Equal(HttpStatusCode.OK, unticked.StatusCode);
        Assert.Contains("Confirm you have checked this note identifies nobody", await unticked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(LearningNoteStatus.Draft, (await OnlyNoteAsync(app)).Status);

        fields["Note.CheckedIdentifiesNobody"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(browser, $"/network/notes/{note.Id}/edit", fields)).StatusCode);
        Assert.Equal(LearningNoteStatus.AwaitingApproval, (await OnlyNoteAsync(app)).Status);
    }

    [Fact]
    public async Task The_drafter_cannot_approve_their_own_note_and_an_admin_publishes_it_to_the_outbox_without_who_or_where_from()
    {
        using var app = MemberWithoutHub();
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        var admin = await Staff.CreateAsync(app, StaffRoles.Admin);
        var report = await ClosedReportAsync(app, lead.Id, "A fall.");
        var category = await FirstCategoryAsync(app);
        using var drafter = await Staff.SignInAsync(app, lead);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(drafter, $"/network/notes/new?report={report.Id}", NoteFields("Falls at night", category))).StatusCode);
        var note = await OnlyNoteAsync(app);
        var approve = new Dictionary<string, string> { ["Approve.NoteId"] = note.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        var own = await Forms.PostAsync(drafter, "/network/notes?handler=Approve", approve, tokenFrom: "/network/notes");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("You drafted this note: a second lead or an admin must approve it.", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(LearningNoteStatus.AwaitingApproval, (await OnlyNoteAsync(app)).Status);
        Assert.False(await InDatabaseAsync(app, db => db.NetworkOutboxMessages.AnyAsync()));

        using var approver = await Staff.SignInAsync(app, admin);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(approver, "/network/notes?handler=Approve", approve, tokenFrom: "/network/notes")).StatusCode);

        var published = await OnlyNoteAsync(app);
        Assert.Equal(LearningNoteStatus.Published, published.Status);
        Assert.Equal(admin.Id, published.ApprovedByAccountId);
        var message = await InDatabaseAsync(app, db => db.NetworkOutboxMessages.AsNoTracking().SingleAsync());
        Assert.Equal("note", message.Kind);
        Assert.Contains("\"title\":\"Falls at night\"", message.Payload, StringComparison.Ordinal);
        Assert.Contains(published.NoteId.ToString(), message.Payload, StringComparison.Ordinal);
        foreach (var secret in new[] { lead.Id, admin.Id, lead.Name, report.Reference, "reportId", "learningResponseId", "draftedBy", "approvedBy" })
        {
            Assert.DoesNotContain(secret, message.Payload, StringComparison.OrdinalIgnoreCase);
        }

        var audit = await InDatabaseAsync(app, db => db.AuditEntries.AsNoTracking().Select(e => e.Action).ToListAsync());
        Assert.Contains($"Learning note {note.Id}: approved and published", audit);
    }

    [Fact]
    public async Task A_lead_who_edited_another_leads_submitted_note_cannot_approve_it_and_a_lead_who_did_not_can()
    {
        using var app = MemberWithoutHub();
        var leadA = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        var leadB = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        var leadC = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        var report = await ClosedReportAsync(app, leadA.Id, "A fall.");
        var category = await FirstCategoryAsync(app);
        using var a = await Staff.SignInAsync(app, leadA);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(a, $"/network/notes/new?report={report.Id}", NoteFields("Falls at night", category))).StatusCode);
        var note = await OnlyNoteAsync(app);
        var approve = new Dictionary<string, string> { ["Approve.NoteId"] = note.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        // Lead B rewrites the submitted note (it stays submitted) and then tries to approve it.
        using var b = await Staff.SignInAsync(app, leadB);
        var rewrite = NoteFields("Falls at night", category);
        rewrite["Note.WhatHappened"] = "Rewritten by lead B.";
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(b, $"/network/notes/{note.Id}/edit", rewrite)).StatusCode);
        Assert.Equal(LearningNoteStatus.AwaitingApproval, (await OnlyNoteAsync(app)).Status);
        Assert.DoesNotContain("Approve and publish", await b.GetStringAsync(new Uri("/network/notes", UriKind.Relative)), StringComparison.Ordinal);

        var byEditor = await Forms.PostAsync(b, "/network/notes?handler=Approve", approve, tokenFrom: "/network/notes");

        Assert.Equal(HttpStatusCode.OK, byEditor.StatusCode);
        Assert.Contains("You changed this note: a lead or an admin who has not changed it must approve it.", await byEditor.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(LearningNoteStatus.AwaitingApproval, (await OnlyNoteAsync(app)).Status);
        Assert.False(await InDatabaseAsync(app, db => db.NetworkOutboxMessages.AnyAsync()));

        // A later edit by the drafter does not wash out B's: whoever changed the note at any time may not approve it.
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(a, $"/network/notes/{note.Id}/edit", NoteFields("Falls at night", category))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Forms.PostAsync(b, "/network/notes?handler=Approve", approve, tokenFrom: "/network/notes")).StatusCode);

        using var c = await Staff.SignInAsync(app, leadC);
        Assert.Contains("Approve and publish", await c.GetStringAsync(new Uri("/network/notes", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(c, "/network/notes?handler=Approve", approve, tokenFrom: "/network/notes")).StatusCode);

        var published = await OnlyNoteAsync(app);
        Assert.Equal(LearningNoteStatus.Published, published.Status);
        Assert.Equal(leadC.Id, published.ApprovedByAccountId);
    }

    [Fact]
    public async Task A_discarded_draft_is_never_sent_and_keeps_no_text()
    {
        using var app = MemberWithoutHub();
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        var other = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        var report = await ClosedReportAsync(app, lead.Id, "A fall.");
        var category = await FirstCategoryAsync(app);
        using var drafter = await Staff.SignInAsync(app, lead);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(drafter, $"/network/notes/new?report={report.Id}", NoteFields("Falls at night", category))).StatusCode);
        var note = await OnlyNoteAsync(app);
        var id = note.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(drafter, "/network/notes?handler=Discard", new Dictionary<string, string> { ["Discard.NoteId"] = id }, tokenFrom: "/network/notes")).StatusCode);

        var discarded = await OnlyNoteAsync(app);
        Assert.Equal(LearningNoteStatus.Discarded, discarded.Status);
        Assert.Equal("", discarded.WhatHappened);
        using var second = await Staff.SignInAsync(app, other);
        var approve = await Forms.PostAsync(second, "/network/notes?handler=Approve", new Dictionary<string, string> { ["Approve.NoteId"] = id }, tokenFrom: $"/network/notes/new?report={report.Id}");
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.False(await InDatabaseAsync(app, db => db.NetworkOutboxMessages.AnyAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await drafter.GetAsync(new Uri($"/network/notes/{id}/edit", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_executive_may_read_the_library_but_not_draft_or_approve_notes()
    {
        using var app = MemberWithoutHub();
        var executive = await Staff.CreateAsync(app, StaffRoles.Executive);
        using var browser = await Staff.SignInAsync(app, executive);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/network/library", UriKind.Relative))).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/network/notes", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_published_notes_message_is_dated_by_the_app_clock_to_the_day_only()
    {
        using var app = MemberWithoutHub();
        app.Clock = new MovableClock(new DateTimeOffset(2026, 3, 14, 10, 30, 0, TimeSpan.Zero));
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        var admin = await Staff.CreateAsync(app, StaffRoles.Admin);
        var report = await ClosedReportAsync(app, lead.Id, "A fall.");
        int id;
        await using (var scope = app.Scope())
        {
            id = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Web.Features.Network.Member.SaveNote.Command
            {
                ActorAccountId = lead.Id, ReportId = report.Id, Title = "Falls at night", WhatHappened = "A fall.", WhatWasLearned = "Bells.",
                WhatChanged = "Checks.", Category = await FirstCategoryAsync(app), Kind = ReportKind.Incident, HarmBand = PhysicalHarm.Low,
                Month = "2026-03", CheckedIdentifiesNobody = true, Submit = true,
            });
        }

        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Web.Features.Network.Member.ApproveNote.Command { ActorAccountId = admin.Id, NoteId = id });
        }

        var message = await InDatabaseAsync(app, db => db.NetworkOutboxMessages.AsNoTracking().SingleAsync());
        Assert.Equal(new DateOnly(2026, 3, 14), message.CreatedOn);
        Assert.Equal(new DateOnly(2026, 3, 14), (await OnlyNoteAsync(app)).PublishedOn);
        Assert.Contains("\"month\":\"2026-03\"", message.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-03-14", message.Payload, StringComparison.Ordinal);
    }
}
