using System.Text.RegularExpressions;

namespace FailingWell.Tests.Architecture;

public sealed partial class TestSuiteTests
{
    [GeneratedRegex(@"\b(SiteProcess\.Start\w*|Nginx\.StartInFrontOfAsync|PublishedSite\.FolderAsync)\(")]
    private static partial Regex StartsARealProcess();

    /// <summary>Real-process tests stay (they prove crashes, nodes and deployments) but are few and tagged.</summary>
    [Fact]
    public void Every_test_class_that_starts_a_real_process_says_so_with_its_trait()
    {
        var tests = Path.Combine(PublishedSite.RepositoryRoot(), "tests", "FailingWell.Tests");
        var starting = Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}Support{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(file => (File: Path.GetRelativePath(tests, file), Text: File.ReadAllText(file)))
            .Where(source => StartsARealProcess().IsMatch(source.Text))
            .ToList();

        Assert.NotEmpty(starting); // the scan finds the ones there are
        Assert.Empty(starting.Where(source => !source.Text.Contains("[Trait(TestKind.Trait, TestKind.RealProcess)]", StringComparison.Ordinal))
            .Select(source => source.File));
    }
}
