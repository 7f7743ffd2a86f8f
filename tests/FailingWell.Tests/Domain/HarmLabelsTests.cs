using FailingWell.Web.Features.Digests;

namespace FailingWell.Tests.Domain;

/// <summary>Harm and risk are said in plain words, from one place, for every level.</summary>
public sealed class HarmLabelsTests
{
    [Fact]
    public void Every_harm_and_risk_level_has_plain_words_and_none_says_none_harm_or_fatal()
    {
        Assert.Equal(["No harm", "Low harm", "Moderate harm", "Severe harm", "Death"], Enum.GetValues<PhysicalHarm>().Select(h => h.Label()));
        Assert.Equal(["Any harm level", "Low harm or worse", "Moderate harm or worse", "Severe harm or death", "Death"], Enum.GetValues<PhysicalHarm>().Select(h => h.AtLeastLabel()));
        Assert.Equal(["No psychological harm", "Low psychological harm", "Moderate psychological harm", "Severe psychological harm"], Enum.GetValues<PsychologicalHarm>().Select(h => h.Label()));
        Assert.Equal(["Low risk", "Moderate risk", "High risk", "Extreme risk"], Enum.GetValues<RiskRating>().Select(r => r.Label()));
        var all = Enum.GetValues<PhysicalHarm>().SelectMany(h => new[] { h.Label(), h.AtLeastLabel() })
            .Concat(Enum.GetValues<PsychologicalHarm>().Select(h => h.Label()));
        Assert.All(all, label => Assert.DoesNotContain("None", label, StringComparison.Ordinal));
        Assert.All(all, label => Assert.DoesNotContain("Fatal", label, StringComparison.Ordinal));
    }

    [Fact]
    public void The_digests_use_the_same_words()
    {
        Assert.All(Enum.GetValues<PhysicalHarm>(), h => Assert.Equal(h.Label(), DigestBuilder.HarmLabel(h)));
    }

    [Fact]
    public void An_unknown_level_is_refused_rather_than_shown_as_a_number()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((PhysicalHarm)42).Label());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((RiskRating)42).Label());
    }
}
