using FailingWell.Web.Features.SpeakUp;

namespace FailingWell.Tests.SpeakUp;

/// <summary>The quarterly return's numbers on seeded cases, with small numbers suppressed and a second cell where a total would give one away.</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class QuarterlyReturnTests : IDisposable
{
    private readonly FailingWellApp _app = new() { Clock = new MovableClock(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero)) };

    public void Dispose() => _app.Dispose();

    private async Task<(int First, int Second, string FirstName, string SecondName)> TwoGroupsAsync()
    {
        await using var scope = _app.Scope();
        var groups = await FailingWellApp.NewDbContext(scope).StaffGroups.OrderBy(s => s.SortOrder).ThenBy(s => s.Name).Take(2).ToListAsync();
        return (groups[0].Id, groups[1].Id, groups[0].Name, groups[1].Name);
    }

    private async Task SeedAsync()
    {
        var (first, second, _, _) = await TwoGroupsAsync();
        var autumn = new DateOnly(2025, 11, 10); // 2025-26 Q3
        for (var i = 0; i < 12; i++)
        {
            var n = i;
            await SpeakUpCases.SaveAsync(_app, autumn.AddDays(n % 20), c =>
            {
                c.Openness = n < 7 ? SpeakUpOpenness.Anonymous : n < 10 ? SpeakUpOpenness.Confidential : SpeakUpOpenness.Open;
                c.BullyingElement = n < 6;
                c.BehaviourElement = n >= 4;
                c.PatientSafetyElement = n is 0 or 11;
                c.StaffGroupId = n < 9 ? first : second;
                c.DetrimentIndicated = n == 3;
                c.WouldSpeakUpAgain = n < 6 ? SpeakUpAnswer.Yes : null;
            });
        }

        var winter = new DateOnly(2026, 1, 20); // 2025-26 Q4, the current quarter
        for (var i = 0; i < 6; i++)
        {
            var n = i;
            await SpeakUpCases.SaveAsync(_app, winter, c =>
            {
                c.WorkerSafetyElement = true;
                c.WouldSpeakUpAgain = n < 5 ? SpeakUpAnswer.Yes : SpeakUpAnswer.No;
            });
        }

        // Outside the eight quarters shown.
        await SpeakUpCases.SaveAsync(_app, new DateOnly(2023, 5, 1));
    }

    private static string Value(QuarterlyReturn.Result result, string section, string measure, string quarter) =>
        result.Rows.Single(r => r.Section == section && r.Measure == measure).Values[result.Quarters.ToList().FindIndex(q => q.Key == quarter)];

    [Fact]
    public async Task The_return_counts_each_quarter_and_suppresses_small_numbers_and_the_cell_a_total_would_reveal()
    {
        await SeedAsync();
        var (_, _, firstName, secondName) = await TwoGroupsAsync();
        await using var scope = _app.Scope();

        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new QuarterlyReturn.Query());

        Assert.Equal(8, result.Quarters.Count);
        Assert.Equal("2024-25 Q1", result.Quarters[0].Key);
        Assert.Equal("2025-26 Q4", result.Quarters[^1].Key);
        const string q3 = "2025-26 Q3", q4 = "2025-26 Q4";
        Assert.Equal("12", Value(result, "Cases", "Cases raised", q3));
        Assert.Equal("6", Value(result, "Cases", "Cases raised", q4));
        Assert.Equal("0", Value(result, "Cases", "Cases raised", "2025-26 Q2"));
        Assert.Equal("7", Value(result, "Raised", "Anonymously", q3));
        Assert.Equal("*", Value(result, "Raised", "Confidentially", q3)); // 3
        Assert.Equal("*", Value(result, "Raised", "Openly", q3)); // 2
        Assert.Equal("58%", Value(result, "Raised", "Anonymous share", q3));
        Assert.Equal("6", Value(result, "Elements", SpeakUpText.Bullying, q3));
        Assert.Equal("8", Value(result, "Elements", SpeakUpText.Behaviour, q3));
        Assert.Equal("*", Value(result, "Elements", SpeakUpText.PatientSafety, q3)); // 2
        Assert.Equal("0", Value(result, "Elements", SpeakUpText.WorkerSafety, q3));
        Assert.Equal("6", Value(result, "Elements", SpeakUpText.WorkerSafety, q4));
        // 9 and 3 of 12: the 3 is hidden, and so is the 9, which with the total would give it away.
        Assert.Equal("*", Value(result, "Professional group", secondName, q3));
        Assert.Equal("*", Value(result, "Professional group", firstName, q3));
        Assert.Equal("0", Value(result, "Professional group", "Not recorded", q3));
        Assert.Equal("6", Value(result, "Professional group", "Not recorded", q4));
        Assert.Equal("*", Value(result, "Detriment", "Detriment indicated", q3)); // 1
        Assert.Equal("0", Value(result, "Detriment", "Detriment indicated", q4));
        Assert.Equal("6", Value(result, "Would speak up again", "Yes", q3));
        Assert.Equal("0", Value(result, "Would speak up again", "No", q3));
        // 5 yes and 1 no: the 1 is hidden, and the 5 with it.
        Assert.Equal("*", Value(result, "Would speak up again", "No", q4));
        Assert.Equal("*", Value(result, "Would speak up again", "Yes", q4));
    }

    [Fact]
    public async Task The_guardian_downloads_the_return_as_csv_with_the_same_suppressed_figures()
    {
        await SeedAsync();
        var guardian = await Staff.SignInAsync(_app, await Staff.CreateAsync(_app, StaffRoles.Guardian));

        var page = await guardian.GetStringAsync(new Uri("/speak-up/returns", UriKind.Relative));
        var response = await guardian.GetAsync(new Uri("/speak-up/returns?handler=Csv", UriKind.Relative));
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Contains("2025-26 Q3", page, StringComparison.Ordinal);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = csv.Split('\n');
        Assert.Equal("section,measure,2024-25 Q1,2024-25 Q2,2024-25 Q3,2024-25 Q4,2025-26 Q1,2025-26 Q2,2025-26 Q3,2025-26 Q4", lines[0]);
        Assert.Contains("Cases,Cases raised,0,0,0,0,0,0,12,6", lines);
        Assert.Contains("Would speak up again,No,0,0,0,0,0,0,0,*", lines);
    }
}
