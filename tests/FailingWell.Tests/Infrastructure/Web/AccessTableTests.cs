using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;

namespace FailingWell.Tests.Infrastructure.Web;

/// <summary>
/// Who gets what, for every page and endpoint the app maps (read from its own endpoint table, so a new
/// page is in this test the moment it exists): each is asked for with GET by someone not signed in, by
/// each staff role signed in with an authenticator code, and by a lead who has not set one up, and the
/// answer each gets is checked against the one table below. A page not in the table fails the test.
/// </summary>
public sealed class AccessTableTests
{
    // The columns, in order: not signed in; a governance lead, an executive, an admin, a guardian and a
    // network coordinator, each with two factors; a governance lead signed in without two factors.
    // What each gets: ok = 200; in = sent to sign in; no = sent to "access denied"; 2f = sent to set up
    // an authenticator; go = sent on elsewhere (the staff landing page); 401/404/405/500 = that status.
    // Routes take an id of 1, and there is no record 1: a 404 there means "may look, found nothing".
    private static readonly Dictionary<string, string> Table = new(StringComparer.Ordinal)
    {
        ["/"] = "ok ok ok ok ok ok ok",
        ["/account/access-denied"] = "ok ok ok ok ok ok ok",
        ["/account/home"] = "in go go go go go go",
        ["/account/invitation"] = "ok ok ok ok ok ok ok",
        ["/account/sign-in"] = "ok ok ok ok ok ok ok",
        ["/account/sign-in/code"] = "ok ok ok ok ok ok ok",
        ["/account/sign-out"] = "ok ok ok ok ok ok ok",
        ["/account/two-factor"] = "in ok ok ok ok ok ok",
        // Organisation sign-in (not configured here): each step sends anyone on, to a plain page or the sign-out page.
        ["/account/sign-in/organisation"] = "go go go go go go go",
        ["/account/sign-in/organisation/finish"] = "go go go go go go go",
        ["/account/sign-in/organisation/problem/{reason}"] = "404 404 404 404 404 404 404",
        ["/account/sign-out/organisation"] = "go go go go go go go",
        ["/admin"] = "in no no ok no no no",
        ["/admin/audit"] = "in no no ok no no no",
        ["/admin/export"] = "in no no ok no no no",
        ["/admin/import"] = "in no no ok no no no",
        ["/admin/import/{id:guid}"] = "in no no 404 no no no",
        ["/admin/jobs"] = "in no no ok no no no",
        ["/admin/lfpse"] = "in no no ok no no no",
        ["/admin/lfpse/submissions"] = "in no no ok no no no",
        ["/admin/network"] = "in no no ok no no no",
        ["/admin/network-consent"] = "in no no ok no no no",
        ["/admin/outbox"] = "in no no ok no no no",
        ["/admin/people"] = "in no no ok no no no",
        ["/admin/posters"] = "in no no ok no no no",
        ["/admin/reference-data"] = "in no no ok no no no",
        ["/admin/response-plan"] = "in ok ok ok no no 2f",
        ["/admin/settings"] = "in no no ok no no no",
        ["/admin/subscriptions"] = "in no no ok no no no",
        ["/culture"] = "in ok ok ok no no 2f",
        ["/culture/annotations"] = "in no no ok no no no",
        ["/culture/denominators"] = "in no no ok no no no",
        ["/culture/peers"] = "in no no ok no no no",
        ["/culture/targets"] = "in no no ok no no no",
        ["/digests"] = "in ok ok ok no no 2f",
        ["/digests/{id:int}"] = "in 404 404 404 no no 2f",
        // The error page asked for by itself is the page for an unexpected error.
        ["/error/{code:int?}"] = "500 500 500 500 500 500 500",
        ["/health"] = "ok ok ok ok ok ok ok",
        ["/health/live"] = "ok ok ok ok ok ok ok",
        ["/health/ready"] = "ok ok ok ok ok ok ok",
        ["/learning"] = "in ok ok ok no no 2f",
        ["/learning/actions/{id:int}"] = "in 404 404 404 no no 2f",
        ["/learning/just-culture"] = "in ok no ok no no 2f",
        ["/learning/just-culture/{id:int}"] = "in 404 no 404 no no 2f",
        ["/learning/new/{reportId:int}"] = "in 404 no 404 no no 2f",
        ["/learning/oversight"] = "in ok ok ok no no 2f",
        ["/learning/thematic"] = "in ok no ok no no 2f",
        ["/learning/{id:int}"] = "in 404 404 404 no no 2f",
        ["/network/hub/members"] = "in no no no no ok no",
        ["/network/hub/offer"] = "in no no no no 404 no",
        ["/network/hub/review"] = "in no no no no 404 no",
        ["/network/hub/signals"] = "in no no no no ok no",
        ["/network/hub/support"] = "in no no no no ok no",
        ["/network/library"] = "in ok ok ok ok no 2f",
        ["/network/library/{id:int}"] = "in 404 404 404 404 no 2f",
        ["/network/notes"] = "in ok no ok no no 2f",
        ["/network/notes/new"] = "in 404 no 404 no no 2f",
        ["/network/notes/{id:int}/edit"] = "in 404 no 404 no no 2f",
        ["/network/peers"] = "in ok ok ok no no 2f",
        ["/network/support"] = "in no ok ok no no no",
        ["/report"] = "ok ok ok ok ok ok ok",
        ["/report/follow-up"] = "ok ok ok ok ok ok ok",
        ["/speak-up"] = "in no no no ok no no",
        ["/speak-up/cases/{id:int}"] = "in no no no 404 no no",
        ["/speak-up/export"] = "in no no no ok no no",
        ["/speak-up/returns"] = "in no no no ok no no",
        ["/triage"] = "in ok no ok no no 2f",
        ["/triage/reports/{id:int}"] = "in 404 no 404 no no 2f",
        ["/triage/reports/{id:int}/lfpse"] = "in 404 no 404 no no 2f",
        // The LFPSE sandbox's page exists only in Development (decision 0124): admins get a 404 here.
        ["/admin/lfpse/sandbox"] = "in no no 404 no no no",
        // The network API: members sign every request (decision 0072); no staff sign-in opens it.
        ["GET /network/api/notes"] = "401 401 401 401 401 401 401",
        ["GET /network/api/peers"] = "401 401 401 401 401 401 401",
        ["GET /network/api/support"] = "401 401 401 401 401 401 401",
        ["POST /network/api/messages"] = "405 405 405 405 405 405 405",
        // Not a page: an address nothing answers stays a plain 404 for everyone, never a sign-in.
        [NoSuchPage] = "404 404 404 404 404 404 404",
    };

    private const string NoSuchPage = "/no-such-page";

    private static readonly string[] Columns = ["anonymous", "lead", "executive", "admin", "guardian", "coordinator", "lead without two factors"];

    [Fact]
    public async Task Every_page_and_endpoint_answers_each_role_as_the_access_table_says()
    {
        using var app = new FailingWellApp();
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var clients = new List<HttpClient> { anonymous };
        foreach (var role in new[] { StaffRoles.GovernanceLead, StaffRoles.Executive, StaffRoles.Admin, StaffRoles.Guardian, StaffRoles.NetworkCoordinator })
        {
            clients.Add(await Staff.SignInAsync(app, await Staff.CreateAsync(app, role)));
        }

        clients.Add(await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.GovernanceLead, withTwoFactor: false)));

        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            // Static assets (a few hundred files, their fingerprinted and compressed addresses) are open to
            // anyone: StaticAssetsTests.Every_static_asset_is_open_to_anyone_and_is_the_only_thing_served_from_wwwroot.
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
            .Select(e => Key(e))
            .Append(NoSuchPage)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        var problems = new List<string>();
        var seen = new List<string>();
        foreach (var route in routes)
        {
            var path = Path(route);
            var answers = new List<string>();
            foreach (var client in clients)
            {
                using var response = await client.GetAsync(path);
                answers.Add(Outcome(response));
            }

            var actual = string.Join(' ', answers);
            seen.Add($"        [\"{route}\"] = \"{actual}\",");
            if (!Table.TryGetValue(route, out var expected))
            {
                problems.Add($"{route} is not in the access table: add it, with what each role may do ({actual} today).");
                continue;
            }

            if (expected != actual)
            {
                var wanted = expected.Split(' ');
                for (var i = 0; i < Columns.Length; i++)
                {
                    if (i >= wanted.Length || wanted[i] != answers[i])
                    {
                        problems.Add($"{route} for {Columns[i]}: expected {(i < wanted.Length ? wanted[i] : "(nothing)")}, got {answers[i]}.");
                    }
                }
            }
        }

        foreach (var stale in Table.Keys.Except(routes, StringComparer.Ordinal))
        {
            problems.Add($"{stale} is in the access table but the app maps no such page or endpoint.");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, [.. problems, "", "What each gets today:", .. seen]));
    }

    [Fact]
    public void Every_page_and_endpoint_states_who_may_open_it()
    {
        using var app = new FailingWellApp();
        var unstated = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                && e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Select(Key)
            .ToList();

        Assert.True(unstated.Count == 0, "These say neither who may open them nor that anyone may (in their feature's module, AuthorizePages): " + string.Join(", ", unstated));
    }

    [Fact]
    public async Task A_page_no_module_names_needs_a_member_of_staff_signed_in_with_two_factors()
    {
        using var app = new FailingWellApp();
        var fallback = await app.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();
        Assert.NotNull(fallback);
        var authorization = app.Services.GetRequiredService<IAuthorizationService>();

        static System.Security.Claims.ClaimsPrincipal Person(bool signedIn, string? role, bool twoFactors)
        {
            var claims = new List<System.Security.Claims.Claim>();
            if (role is not null)
            {
                claims.Add(new(System.Security.Claims.ClaimTypes.Role, role));
            }

            if (twoFactors)
            {
                claims.Add(new("amr", "mfa"));
            }

            return new(new System.Security.Claims.ClaimsIdentity(claims, signedIn ? "Identity.Application" : null));
        }

        foreach (var role in StaffRoles.All)
        {
            Assert.True((await authorization.AuthorizeAsync(Person(true, role, twoFactors: true), fallback)).Succeeded, role + " with two factors");
            Assert.False((await authorization.AuthorizeAsync(Person(true, role, twoFactors: false), fallback)).Succeeded, role + " without two factors");
        }

        Assert.False((await authorization.AuthorizeAsync(Person(false, null, twoFactors: false), fallback)).Succeeded, "not signed in");
        Assert.False((await authorization.AuthorizeAsync(Person(true, null, twoFactors: true), fallback)).Succeeded, "signed in with no staff role");
    }

    // A page by its route; a minimal endpoint by its methods and route.
    private static string Key(RouteEndpoint endpoint)
    {
        var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
        return methods is { Count: > 0 } && endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is null
            ? string.Join(',', methods.Order(StringComparer.Ordinal)) + " " + route
            : route;
    }

    // Route values filled in: an id of 1 (there may be no such record: the table says what that gives).
    private static string Path(string key)
    {
        var route = key.Contains(' ', StringComparison.Ordinal) ? key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..] : key;
        return System.Text.RegularExpressions.Regex.Replace(route, @"/\{[^}]*\?\}", "").Replace("{id:int}", "1", StringComparison.Ordinal)
            .Replace("{reportId:int}", "1", StringComparison.Ordinal).Replace("{id:guid}", "00000000-0000-0000-0000-000000000001", StringComparison.Ordinal);
    }

    private static string Outcome(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
        {
            var location = new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath;
            return location switch
            {
                "/account/sign-in" => "in",
                "/account/access-denied" => "no",
                "/account/two-factor" => "2f",
                _ => "go",
            };
        }

        return response.StatusCode == HttpStatusCode.OK ? "ok" : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
