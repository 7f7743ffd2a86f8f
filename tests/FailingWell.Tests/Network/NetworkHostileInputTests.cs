using FailingWell.Web.Domain.Network;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using static FailingWell.Tests.Network.NetworkSupport;

namespace FailingWell.Tests.Network;

/// <summary>The network's staff forms take any input without a server error.</summary>
public sealed class NetworkHostileInputTests
{
    [Fact]
    public async Task Random_malformed_and_hostile_posts_to_the_note_and_library_forms_get_no_server_error()
    {
        using var app = MemberWithoutHub();
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        var report = await ClosedReportAsync(app, lead.Id, "A fall.");
        await using (var scope = app.Scope())
        {
            var db = FailingWellApp.NewDbContext(scope);
            db.NetworkNotes.Add(new NetworkNote
            {
                NoteId = Guid.NewGuid(), Sequence = 1, AuthorName = "Other Trust", AuthorType = "Acute trust", Title = "Bells", WhatHappened = "A fall.",
                WhatWasLearned = "Bells.", WhatChanged = "Checks.", Category = "Falls", Kind = ReportKind.Incident, HarmBand = PhysicalHarm.Low,
                OrganisationType = "Acute trust", Month = "2026-03", PublishedOn = new DateOnly(2026, 3, 1),
            });
            await db.SaveChangesAsync();
        }

        var libraryId = await InDatabaseAsync(app, db => db.NetworkNotes.Select(n => n.Id).SingleAsync());
        var cookies = new System.Net.CookieContainer();
        using var signedIn = await Staff.SignInAsync(app, lead, cookies);

        var outcome = await new FormFuzzer(() => app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)), seed: 21)
            .RunAsync([$"/network/notes/new?report={report.Id}", $"/network/library/{libraryId}"], posts: 300, limit: TimeSpan.FromMinutes(2));

        Assert.True(outcome.Posts >= 100, $"Only {outcome.Posts} posts");
        Assert.True(outcome.ServerErrors == 0, $"{outcome.ServerErrors} server errors: {string.Join("; ", outcome.ServerErrorSamples)}");
    }
}
