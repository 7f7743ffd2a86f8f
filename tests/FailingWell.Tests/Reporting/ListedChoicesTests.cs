using FailingWell.Web.Features.Reporting;

namespace FailingWell.Tests.Reporting;

[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class ListedChoicesTests
{
    [Fact]
    public async Task A_report_is_filed_with_the_place_and_category_its_validation_found_even_if_retired_since()
    {
        using var app = new FailingWellApp();
        int locationId;
        int categoryId;
        await using (var setup = app.Scope())
        {
            var db = FailingWellApp.NewDbContext(setup);
            locationId = await db.Locations.Where(l => !l.IsRetired && !l.Division!.IsRetired).Select(l => l.Id).FirstAsync();
            categoryId = await db.Categories.Where(c => !c.IsRetired).Select(c => c.Id).FirstAsync();
        }

        await using var request = app.Scope();
        var listed = request.ServiceProvider.GetRequiredService<SubmitReport.ListedChoices>();
        var where = ReportForm.LocationValue(locationId);
        var place = await listed.PlaceAsync(where, CancellationToken.None);
        var stream = await listed.StreamOfCategoryAsync(categoryId, CancellationToken.None);
        Assert.Equal(locationId, place?.LocationId);
        Assert.NotNull(stream);

        await using (var admin = app.Scope())
        {
            var db = FailingWellApp.NewDbContext(admin);
            (await db.Locations.SingleAsync(l => l.Id == locationId)).IsRetired = true;
            (await db.Categories.SingleAsync(c => c.Id == categoryId)).IsRetired = true;
            await db.SaveChangesAsync();
        }

        // The same request (validator, then handler) is not asked again...
        Assert.Equal(place, await listed.PlaceAsync(where, CancellationToken.None));
        Assert.Equal(stream, await listed.StreamOfCategoryAsync(categoryId, CancellationToken.None));

        // ...and the next request sees the retirement.
        await using var next = app.Scope();
        var nextListed = next.ServiceProvider.GetRequiredService<SubmitReport.ListedChoices>();
        Assert.Null(await nextListed.PlaceAsync(where, CancellationToken.None));
        Assert.Null(await nextListed.StreamOfCategoryAsync(categoryId, CancellationToken.None));
    }
}
