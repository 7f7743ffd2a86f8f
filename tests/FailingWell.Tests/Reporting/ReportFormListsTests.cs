using FailingWell.Web.Features.Reporting;
using FailingWell.Web.Infrastructure.Data;

namespace FailingWell.Tests.Reporting;

/// <summary>The form's lists, kept in memory on each node (docs/decisions/0079).</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class ReportFormListsTests
{
    [Fact]
    public async Task A_list_changed_on_another_node_shows_within_30_seconds_and_a_choice_retired_there_meanwhile_is_refused_beside_its_field()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        using var app = new FailingWellApp { Clock = clock };
        var client = app.CreateClient();
        Location location;
        await using (var scope = app.Scope())
        {
            location = await FailingWellApp.NewDbContext(scope).Locations.OrderBy(l => l.Id).FirstAsync();
        }

        var value = ReportForm.LocationValue(location.Id);
        Assert.Contains($"value=\"{value}\"", await client.GetStringAsync(new Uri("/report", UriKind.Relative)), StringComparison.Ordinal);

        // Another node, on the same database: its change never passes through this node.
        var options = new DbContextOptionsBuilder<FailingWellDbContext>();
        ProviderMigrations.Configure(options, app.Provider, app.ConnectionString, ProviderMigrations.Load(app.Provider));
        await using (var otherNode = new FailingWellDbContext(options.Options))
        {
            var retired = await otherNode.Locations.SingleAsync(l => l.Id == location.Id);
            retired.IsRetired = true;
            await otherNode.SaveChangesAsync();
        }

        var stillOffered = await client.GetStringAsync(new Uri("/report", UriKind.Relative));
        Assert.Contains($"value=\"{value}\"", stillOffered, StringComparison.Ordinal);

        var answers = await new ReportBuilder { Where = value, WhatHappened = "Sent while the list was out of date" }.FormAnswersAsync(app);
        var refused = await ReportBuilder.PostAsync(client, answers);
        Assert.Null(refused.ReceiptCode);
        Assert.Contains("Select where it happened from the list, or &#x27;Not sure&#x27;", refused.Html, StringComparison.Ordinal);
        Assert.Contains("Sent while the list was out of date", refused.Html, StringComparison.Ordinal);

        clock.Advance(KeptWhileUnchanged<ReportForm.Options>.Lifetime + TimeSpan.FromSeconds(1));
        Assert.DoesNotContain($"value=\"{value}\"", await client.GetStringAsync(new Uri("/report", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_changed_on_this_node_shows_on_the_next_form_at_once()
    {
        using var app = new FailingWellApp { Clock = new MovableClock(DateTimeOffset.UtcNow) };
        var client = app.CreateClient();
        Assert.DoesNotContain(">Hospital transport</option>", await client.GetStringAsync(new Uri("/report", UriKind.Relative)), StringComparison.Ordinal);

        await using (var scope = app.Scope())
        {
            var db = FailingWellApp.NewDbContext(scope);
            var category = await db.Categories.Where(c => !c.IsRetired).OrderBy(c => c.Id).FirstAsync();
            category.Name = "Hospital transport";
            await db.SaveChangesAsync();
        }

        Assert.Contains(">Hospital transport</option>", await client.GetStringAsync(new Uri("/report", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_inside_a_transaction_shows_only_after_it_commits()
    {
        using var app = new FailingWellApp { Clock = new MovableClock(DateTimeOffset.UtcNow) };
        var versions = app.Services.GetRequiredService<ReferenceDataVersion>();
        await using var scope = app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        var before = versions.Current;

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var group = await db.StaffGroups.OrderBy(s => s.Id).FirstAsync();
            group.SortOrder += 100;
            await db.SaveChangesAsync();
            Assert.Equal(before, versions.Current);
            await transaction.CommitAsync();
        }

        Assert.Equal(before + 1, versions.Current);
        // Saved without a transaction of its own: moved on as soon as it is saved.
        db.Settings.Add(new Setting { Key = "Test:" + Guid.NewGuid().ToString("N"), Value = "1" });
        await db.SaveChangesAsync();
        Assert.Equal(before + 2, versions.Current);
    }
}
