namespace FailingWell.Web.Infrastructure.Web;

/// <summary>One NHS.UK radios question for the _Radios partial.</summary>
public sealed record RadiosModel(
    string Key,
    string Legend,
    string? Hint,
    IReadOnlyList<RadioOption> Options,
    string? Selected,
    string LegendSize = "m",
    bool Inline = false);

public sealed record RadioOption(string Value, string Text, string? Hint = null);
