using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;

namespace FailingWell.Tests.Infrastructure.Web;

/// <summary>A method a page takes no handler for is a malformed request: 405, never the page run with nothing loaded.</summary>
public sealed partial class MethodNotAllowedTests
{
    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [Fact]
    public async Task A_post_to_every_page_with_no_post_handler_is_answered_405_with_the_methods_it_takes()
    {
        using var app = new FailingWellApp();
        var account = await Staff.CreateAsync(app, StaffRoles.Admin);
        await using (var scope = app.Scope())
        {
            // Every role, so each page's authorisation lets the post reach the page itself.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
            var staff = (await users.FindByIdAsync(account.Id))!;
            await users.AddToRolesAsync(staff, StaffRoles.All.Where(r => r != StaffRoles.Admin));
        }

        var client = await Staff.SignInAsync(app, account);
        var pages = await PagesWithoutPostAsync(app);
        Assert.Contains("/culture", pages);
        Assert.Contains("/learning/actions/1", pages);

        var wrong = new List<string>();
        foreach (var path in pages)
        {
            using var response = await Forms.PostAsync(client, path, new Dictionary<string, string>(), tokenFrom: "/report");
            if (response.StatusCode != HttpStatusCode.MethodNotAllowed || !response.Content.Headers.Allow.Contains("GET"))
            {
                wrong.Add($"{path}: {(int)response.StatusCode}");
            }
        }

        Assert.True(wrong.Count == 0, "Not 405 with Allow: " + string.Join(", ", wrong));
    }

    /// <summary>The address of each page with no POST handler, its route values filled with 1.</summary>
    private static async Task<List<string>> PagesWithoutPostAsync(FailingWellApp app)
    {
        var descriptors = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>();
        var loader = app.Services.GetRequiredService<PageLoader>();
        var paths = new List<string>();
        foreach (var descriptor in descriptors)
        {
            var compiled = await loader.LoadAsync(descriptor, new EndpointMetadataCollection());
            if (compiled.HandlerMethods.Any(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var path = "/" + RouteParameter().Replace(descriptor.AttributeRouteInfo!.Template!, "1");
            paths.Add(path.ToLowerInvariant());
        }

        return paths.Distinct().ToList();
    }
}
