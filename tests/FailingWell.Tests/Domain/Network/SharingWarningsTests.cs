using FailingWell.Web.Domain.Network;

namespace FailingWell.Tests.Domain.Network;

public sealed class SharingWarningsTests
{
    [Theory]
    [InlineData("Seen by Dr Patel after the fall.", SharingWarnings.Name)]
    [InlineData("The nurse told Grace Hopper about the bell.", SharingWarnings.Name)]
    [InlineData("It happened on 03/04 in the evening.", SharingWarnings.Date)]
    [InlineData("It happened on 3rd March.", SharingWarnings.Date)]
    [InlineData("By March 14 the sign was back.", SharingWarnings.Date)]
    [InlineData("It happened on a Tuesday.", SharingWarnings.Date)]
    [InlineData("The patient in bay 4 fell.", SharingWarnings.Place)]
    [InlineData("On ward 7B the bell was broken.", SharingWarnings.Place)]
    [InlineData("It was on Nightingale Ward.", SharingWarnings.Place)]
    [InlineData("She was the only porter on shift.", SharingWarnings.SmallGroup)]
    [InlineData("One of two pharmacists was off.", SharingWarnings.SmallGroup)]
    [InlineData("A 94-year-old patient fell.", SharingWarnings.SmallGroup)]
    [InlineData("A patient aged 17 was given the wrong dose.", SharingWarnings.SmallGroup)]
    public void Text_that_could_identify_someone_is_warned_of(string text, string warning)
    {
        Assert.Contains(SharingWarnings.For(text), w => w.StartsWith(warning, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("A patient at risk of falls got up at night and fell; the call bell was out of reach.")]
    [InlineData("Call bells are now checked after bed making. The safety huddle asks about them.")]
    [InlineData("Staff in the Emergency Department now check the bells.")]
    [InlineData("")]
    [InlineData(null)]
    public void Text_in_general_terms_raises_no_warning(string? text)
    {
        Assert.Empty(SharingWarnings.For(text));
    }

    [Fact]
    public void Each_warning_quotes_what_raised_it_once()
    {
        var warnings = SharingWarnings.For("Mr Jones and Mrs Smith were in bay 4 and bay 5.");

        Assert.Equal(2, warnings.Count);
        Assert.Contains("\"Mr Jones\"", warnings[0], StringComparison.Ordinal);
        Assert.Contains("\"bay 4\"", warnings[1], StringComparison.Ordinal);
    }
}
