using FailingWell.Web.Features.Culture;
using FailingWell.Web.Features.Demo;
using Microsoft.AspNetCore.Hosting;

namespace FailingWell.Tests.Demo;

[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class DemoTrustTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);

    private sealed class DevelopmentApp : FailingWellApp
    {
        private readonly string _environment;

        public DevelopmentApp(string environment = "Development")
        {
            _environment = environment;
            if (environment == "Production")
            {
                this.WithKeyRingCertificate();
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(_environment);
        }
    }

    private static async Task<string> FingerprintAsync(FailingWellApp app)
    {
        await using var scope = app.Scope();
        var rows = await FailingWellApp.NewDbContext(scope).Reports.OrderBy(r => r.Id)
            .Select(r => new { r.Reference, r.Kind, r.PhysicalHarm, r.ReceivedOn, r.IsAnonymous, r.Status, Division = r.Division!.Name })
            .ToListAsync();
        return string.Join('\n', rows.Where(r => r.Reference != rows[^1].Reference).Select(r => $"{r.Reference} {r.Kind} {r.PhysicalHarm} {r.ReceivedOn} {r.IsAnonymous} {r.Status} {r.Division}"));
    }

    [Fact]
    public void The_start_up_console_says_every_account_sets_up_an_authenticator()
    {
        // Console.Out is the process's: other tests' lines may land here too, which these checks allow.
        var original = Console.Out;
        using var console = new StringWriter();
        Console.SetOut(TextWriter.Synchronized(console));
        try
        {
            using var app = new DevelopmentApp { Clock = new MovableClock(Day) };
            _ = app.Services;
        }
        finally
        {
            Console.SetOut(original);
        }

        var printed = console.ToString();
        Assert.Contains("Demo accounts (Development only)", printed, StringComparison.Ordinal);
        Assert.Contains("Every account sets up an authenticator app on first sign-in.", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("Admins and governance leads set up", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_start_up_creates_a_demo_trust_that_tells_the_turnaround_story_the_same_way_each_time()
    {
        using var first = new DevelopmentApp { Clock = new MovableClock(Day) };
        _ = first.Services;
        await using (var scope = first.Scope())
        {
            var db = FailingWellApp.NewDbContext(scope);
            Assert.True(await db.Reports.CountAsync() > 2000);
            Assert.True(await db.Annotations.AnyAsync(a => a.Text == "Placed in special measures" && a.RecalculateLimits));
            Assert.True(await db.Digests.CountAsync() > 100);
            Assert.True(await db.Denominators.AnyAsync());
            Assert.True(await db.Reports.AnyAsync(r => r.Learning != null));
            Assert.True(await db.ReportActions.AnyAsync());
            Assert.True(await db.ReportMessages.AnyAsync());
            var leadId = await db.Users.Where(u => u.Email == "lead@demo.failingwell.nhs.uk").Select(u => u.Id).SingleAsync();
            Assert.Equal(["My overdue", "New near misses in Estates"], await db.SavedQueueViews.Where(v => v.AccountId == leadId).OrderBy(v => v.Name).Select(v => v.Name).ToListAsync());
            Assert.Equal(4, await db.Users.CountAsync(u => u.Email!.EndsWith("@demo.failingwell.nhs.uk")));
            Assert.Equal(DemoTrust.SpeakUpCases, await db.SpeakUpCases.CountAsync());
            Assert.InRange(await db.SpeakUpCases.CountAsync(c => c.Openness == SpeakUpOpenness.Anonymous), 2, 12);
            Assert.True(await db.SpeakUpCases.CountAsync(c => c.BehaviourElement) > await db.SpeakUpCases.CountAsync(c => c.PatientSafetyElement));
            var learning = await db.LearningResponses.GroupBy(r => r.Type).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
            Assert.True(learning[LearningResponseType.AfterActionReview] + learning[LearningResponseType.SwarmHuddle] >= 15);
            Assert.Equal(2, learning[LearningResponseType.ThematicReview]);
            Assert.True(learning.ContainsKey(LearningResponseType.MdtReview) && learning.ContainsKey(LearningResponseType.Psii));
            Assert.True(await db.SafetyActions.AnyAsync(a => a.CompletedOn == null && a.DueOn < DateOnly.FromDateTime(Day.UtcDateTime)));
            Assert.True(await db.Engagements.AnyAsync());
            Assert.True(await db.LearningResponses.AnyAsync(r => r.SharedOn != null));
            var peers = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Web.Features.Network.Member.PeersView.Query());
            Assert.Equal(5, peers.Funnel.Points.Count); // the demo trust and four peers
            Assert.Contains(peers.Funnel.Points, p => p.IsYou);
            Assert.Equal(["Little Haven Community Trust"], peers.NotEnoughData);
            Assert.True(await db.SupportOffers.AnyAsync(o => o.Status == Web.Domain.Network.SupportStatus.Offered));
            Assert.Equal(4, await db.NetworkNotes.Select(n => n.AuthorName).Distinct().CountAsync(a => a != DemoTrust.OrganisationName)); // the library: four peers' notes
            Assert.True(await db.LearningNotes.AnyAsync(n => n.Status == Web.Domain.Network.LearningNoteStatus.Published)); // and one of its own
            Assert.False(await scope.ServiceProvider.GetRequiredService<DemoTrust>().EnsureAsync(CancellationToken.None)); // once only

            var culture = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CultureView.Query("org", PeriodKind.Month, 36));
            Assert.StartsWith("More open reporting", culture.Summary[0], StringComparison.Ordinal);
            Variation Of(string key) => culture.Series.Single(s => s.Measure.Key == key).Variation;
            Assert.Equal(Variation.Improvement, Of("reports"));
            Assert.Equal(Variation.Improvement, Of("near-miss"));
            Assert.Equal(Variation.Improvement, Of("non-clinical"));
            Assert.Equal(Variation.Improvement, Of("anonymous")); // falling, and down is good
            Assert.Equal(Variation.Improvement, Of("acknowledge"));
        }

        using var second = new DevelopmentApp { Clock = new MovableClock(Day) };
        _ = second.Services;
        Assert.Equal(await FingerprintAsync(first), await FingerprintAsync(second));
    }

    [Theory]
    [InlineData("Development", "false")]
    [InlineData("Production", "true")]
    public async Task There_is_no_demo_when_switched_off_or_in_Production(string environment, string enabled)
    {
        using var app = new DevelopmentApp(environment) { Clock = new MovableClock(Day) };
        app.With("Demo:Enabled", enabled).With("Database:MigrateOnStart", "true");
        _ = app.Services;

        await using var scope = app.Scope();
        Assert.False(await FailingWellApp.NewDbContext(scope).Reports.AnyAsync());
    }
}
