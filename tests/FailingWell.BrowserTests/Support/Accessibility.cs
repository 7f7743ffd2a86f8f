using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace FailingWell.BrowserTests.Support;

public static class Accessibility
{
    /// <summary>Runs axe on the page and fails on any serious or critical violation, naming them.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        // Judge the page at rest: a link left under the pointer by a click shows its hover style.
        await page.Mouse.MoveAsync(0, 0);
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(serious.Count == 0, $"axe found on {page.Url}:\n" + string.Join('\n', serious));
        Assert.True(result.Passes.Length > 0, "axe ran no checks");
    }

    /// <summary>Runs axe on the page and fails on any violation at all, of any impact, naming them.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Mouse.MoveAsync(0, 0);
        var result = await page.RunAxe();
        var all = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(all.Count == 0, $"axe found on {page.Url}:\n" + string.Join('\n', all));
        Assert.True(result.Passes.Length > 0, "axe ran no checks");
    }
}
