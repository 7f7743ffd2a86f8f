using System.Text.RegularExpressions;
using FailingWell.Tests.Deploy;

namespace FailingWell.Tests.Architecture;

/// <summary>
/// A view names a bound field through the model (asp-for, or Html.NameFor where asp-for would change
/// the page), never by typing "Input.Email": a renamed property then breaks the build instead of
/// silently losing what was typed (docs/decisions/0104).
/// </summary>
public sealed partial class ViewFieldTests
{
    /// <summary>
    /// Hand-typed names that are justified, as "Features/Folder/Page.cshtml: Input.Field", each with
    /// the reason beside it. None today.
    /// </summary>
    private static readonly HashSet<string> Justified = new(StringComparer.Ordinal);

    [Fact]
    public void No_view_hand_types_the_name_of_a_bound_field()
    {
        var web = Path.Combine(Repository.Root, "src", "FailingWell.Web");
        var typed = Directory.EnumerateFiles(web, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => TypedName().Matches(File.ReadAllText(f))
                .Select(m => $"{Path.GetRelativePath(web, f).Replace(Path.DirectorySeparatorChar, '/')}: {m.Groups[1].Value}"))
            .Where(found => !Justified.Contains(found))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.True(typed.Count == 0, "Bind these with asp-for (or name them with Html.NameFor):" + Environment.NewLine + string.Join(Environment.NewLine, typed));
    }

    [Fact]
    public void The_check_finds_a_typed_name_with_a_dot_and_nothing_else()
    {
        string[] typed = ["<input name=\"Input.Email\">", "<input type=\"hidden\" name='Input.Targets[@i].Measure'>", "<input name = \"Note.@key\">"];
        string[] named = ["<input asp-for=\"Input.Email\">", "<input name=\"@Html.NameFor(m => m.Input.Email)\">", "<input name=\"ReturnUrl\">", "<meta name=\"viewport\">"];

        Assert.All(typed, html => Assert.Matches(TypedName(), html));
        Assert.All(named, html => Assert.DoesNotMatch(TypedName(), html));
    }

    /// <summary>name="Input.Email", name='Input.Targets[@i].Value': an identifier (maybe indexed) then a dot.</summary>
    [GeneratedRegex("""\bname\s*=\s*["']\s*([A-Za-z_]\w*(?:\[[^\]"']*\])?\.[^"']*)["']""")]
    private static partial Regex TypedName();
}
