using FailingWell.Web.Domain.Network;
using static FailingWell.Tests.Network.NetworkSupport;

namespace FailingWell.Tests.Network.Member;

/// <summary>/network/library and the triage panel, over notes as a pull from the hub leaves them.</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class LibraryPageTests
{
    private static NetworkNote Pulled(long sequence, string title, string category, string text, bool own = false) => new()
    {
        NoteId = Guid.NewGuid(), Sequence = sequence, AuthorName = own ? "Test Trust" : "Other Trust", AuthorType = "Acute trust", IsOwn = own,
        Title = title, WhatHappened = text, WhatWasLearned = "Learned.", WhatChanged = "Changed.", Category = category,
        Kind = ReportKind.Incident, HarmBand = PhysicalHarm.Low, OrganisationType = "Acute trust", Month = "2026-03", PublishedOn = new DateOnly(2026, 3, 14),
    };

    private static async Task<string> SecondCategoryAsync(FailingWellApp app) =>
        await InDatabaseAsync(app, db => db.Categories.OrderBy(c => c.SortOrder).ThenBy(c => c.Name).Select(c => c.Name).Skip(1).FirstAsync());

    private static async Task SeedAsync(FailingWellApp app, params NetworkNote[] notes)
    {
        await using var scope = app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        db.NetworkNotes.AddRange(notes);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_library_finds_notes_by_every_word_in_any_case_and_by_category()
    {
        using var app = MemberWithoutHub();
        var guardian = await Staff.CreateAsync(app, StaffRoles.Guardian);
        var first = await FirstCategoryAsync(app);
        var second = await SecondCategoryAsync(app);
        await SeedAsync(app,
            Pulled(1, "Insulin doses checked twice", second, "A double dose of insulin was given."),
            Pulled(2, "Call bells after bed making", first, "Bells left out of reach at night."),
            Pulled(3, "Night falls in bathrooms", first, "Falls in bathrooms at night, no bells."));
        using var browser = await Staff.SignInAsync(app, guardian);

        var bells = await browser.GetStringAsync(new Uri("/network/library?q=BELLS+night", UriKind.Relative));
        var inFirst = await browser.GetStringAsync(new Uri("/network/library?category=" + Uri.EscapeDataString(second), UriKind.Relative));
        var nothing = await browser.GetStringAsync(new Uri("/network/library?q=insulin&category=" + Uri.EscapeDataString(first), UriKind.Relative));

        Assert.Contains("2 notes found", bells, StringComparison.Ordinal);
        Assert.Contains("Call bells after bed making", bells, StringComparison.Ordinal);
        Assert.Contains("Night falls in bathrooms", bells, StringComparison.Ordinal);
        Assert.DoesNotContain("Insulin doses", bells, StringComparison.Ordinal);
        Assert.Contains("1 note found", inFirst, StringComparison.Ordinal);
        Assert.Contains("Insulin doses checked twice", inFirst, StringComparison.Ordinal);
        Assert.Contains("0 notes found", nothing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marking_a_note_useful_and_adopted_sets_the_flags_once_and_queues_one_message_each()
    {
        using var app = MemberWithoutHub();
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        var note = Pulled(1, "Call bells after bed making", await FirstCategoryAsync(app), "Bells.");
        await SeedAsync(app, note);
        var id = await InDatabaseAsync(app, db => db.NetworkNotes.Select(n => n.Id).SingleAsync());
        using var browser = await Staff.SignInAsync(app, lead);

        foreach (var adopted in new[] { "false", "true", "true" })
        {
            // The token from the queue: once both are marked the note's page has no form left to take one from.
            Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(browser, $"/network/library/{id}", new Dictionary<string, string> { ["Mark.Adopted"] = adopted }, tokenFrom: "/triage")).StatusCode);
        }

        var marked = await InDatabaseAsync(app, db => db.NetworkNotes.AsNoTracking().SingleAsync());
        Assert.True(marked.MarkedUseful && marked.MarkedAdopted);
        var kinds = await InDatabaseAsync(app, db => db.NetworkOutboxMessages.OrderBy(m => m.Kind).Select(m => m.Kind).ToListAsync());
        Assert.Equal(["note-adopted", "note-useful"], kinds);
        var page = await browser.GetStringAsync(new Uri($"/network/library/{id}", UriKind.Relative));
        Assert.Contains("Your organisation adopted this.", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StaffRoles.Executive)]
    [InlineData(StaffRoles.Guardian)]
    public async Task Only_those_who_act_for_the_organisation_may_mark_a_note_others_read_it_without_buttons_and_are_refused(string role)
    {
        using var app = MemberWithoutHub();
        var reader = await Staff.CreateAsync(app, role);
        await SeedAsync(app, Pulled(1, "Call bells after bed making", await FirstCategoryAsync(app), "Bells."));
        var id = await InDatabaseAsync(app, db => db.NetworkNotes.Select(n => n.Id).SingleAsync());
        using var browser = await Staff.SignInAsync(app, reader);

        var page = await browser.GetStringAsync(new Uri($"/network/library/{id}", UriKind.Relative));
        Assert.Contains("Call bells after bed making", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Mark.Adopted", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Mark as useful", page, StringComparison.Ordinal);
        Assert.DoesNotContain("We adopted this", page, StringComparison.Ordinal);

        foreach (var adopted in new[] { "false", "true" })
        {
            var posted = await Forms.PostAsync(browser, $"/network/library/{id}", new Dictionary<string, string> { ["Mark.Adopted"] = adopted }, tokenFrom: "/report");
            // Refused as every page refuses a role it does not serve: to the access-denied page.
            Assert.StartsWith("/account/access-denied", posted.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        var note = await InDatabaseAsync(app, db => db.NetworkNotes.AsNoTracking().SingleAsync());
        Assert.False(note.MarkedUseful || note.MarkedAdopted);
        Assert.Equal(0, note.UsefulCount + note.AdoptedCount);
        Assert.False(await InDatabaseAsync(app, db => db.NetworkOutboxMessages.AnyAsync()));
    }

    [Theory]
    [InlineData(StaffRoles.GovernanceLead)]
    [InlineData(StaffRoles.Admin)]
    public async Task A_lead_or_an_admin_sees_the_mark_buttons_and_their_marks_are_sent(string role)
    {
        using var app = MemberWithoutHub();
        var actor = await Staff.CreateAsync(app, role);
        await SeedAsync(app, Pulled(1, "Call bells after bed making", await FirstCategoryAsync(app), "Bells."));
        var id = await InDatabaseAsync(app, db => db.NetworkNotes.Select(n => n.Id).SingleAsync());
        using var browser = await Staff.SignInAsync(app, actor);

        var page = await browser.GetStringAsync(new Uri($"/network/library/{id}", UriKind.Relative));
        Assert.Contains("Mark as useful", page, StringComparison.Ordinal);
        Assert.Contains("We adopted this", page, StringComparison.Ordinal);

        var posted = await Forms.PostAsync(browser, $"/network/library/{id}", new Dictionary<string, string> { ["Mark.Adopted"] = "false" });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.True(await InDatabaseAsync(app, db => db.NetworkNotes.Select(n => n.MarkedUseful).SingleAsync()));
        Assert.Equal(["note-useful"], await InDatabaseAsync(app, db => db.NetworkOutboxMessages.Select(m => m.Kind).ToListAsync()));
    }

    [Fact]
    public async Task The_triage_page_shows_at_most_three_other_organisations_notes_best_matching_the_report()
    {
        using var app = MemberWithoutHub();
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        var first = await FirstCategoryAsync(app);
        var second = await SecondCategoryAsync(app);
        var report = await ClosedReportAsync(app, lead.Id, "The patient fell in the bathroom; the call bell cord was tied up.", first);
        await SeedAsync(app,
            Pulled(1, "Bathroom call bell cords", first, "Cords tied up out of reach in the bathroom."),
            Pulled(2, "Falls in the same category", first, "Something else entirely."),
            Pulled(3, "Bathroom bell in another category", second, "A bathroom bell cord."),
            Pulled(4, "Insulin doses", second, "Insulin twice."),
            Pulled(5, "Our own bathroom bell note", first, "Our bathroom call bell cord.", own: true),
            Pulled(6, "Falls again", first, "Still the same category."));
        using var browser = await Staff.SignInAsync(app, lead);

        var html = await browser.GetStringAsync(new Uri($"/triage/reports/{report.Id}", UriKind.Relative));

        var start = html.IndexOf("Learning from other organisations", StringComparison.Ordinal);
        Assert.True(start > 0, "No panel");
        var panel = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
        Assert.Contains("Bathroom call bell cords", panel, StringComparison.Ordinal);
        Assert.DoesNotContain("Insulin", panel, StringComparison.Ordinal);
        Assert.DoesNotContain("Our own", panel, StringComparison.Ordinal);
        Assert.Equal(3, panel.Split("href=\"/network/library/").Length - 1);
        Assert.DoesNotContain("Report closed", panel, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_standalone_organisation_is_told_it_has_not_joined_a_network_and_shown_no_panel()
    {
        using var app = new FailingWellApp();
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        var report = await ClosedReportAsync(app, lead.Id, "A fall.");
        using var browser = await Staff.SignInAsync(app, lead);

        Assert.Contains("has not joined a learning network", await browser.GetStringAsync(new Uri("/network/library", UriKind.Relative)), StringComparison.Ordinal);
        var triage = await browser.GetStringAsync(new Uri($"/triage/reports/{report.Id}", UriKind.Relative));
        Assert.DoesNotContain("Learning from other organisations", triage, StringComparison.Ordinal);
        Assert.DoesNotContain("/network/notes/new", triage, StringComparison.Ordinal);
    }
}
