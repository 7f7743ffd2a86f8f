using System.Text.RegularExpressions;
using FailingWell.Web.Features.Reporting;

namespace FailingWell.Tests.Admin;

/// <summary>Ward posters: the QR code decodes to /report with the place and nothing else, and the form opens with that place chosen.</summary>
public sealed partial class PosterTests(FailingWellApp app) : IClassFixture<FailingWellApp>
{
    private async Task<(int LocationId, string LocationName, int DivisionId, int LocationCount)> PlacesAsync()
    {
        await using var scope = app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        var location = await db.Locations.Where(l => !l.IsRetired && !l.Division!.IsRetired).OrderBy(l => l.Id).FirstAsync();
        var count = await db.Locations.CountAsync(l => !l.IsRetired && !l.Division!.IsRetired);
        return (location.Id, location.Name, location.DivisionId, count);
    }

    private static List<(string Url, string DataUri)> QrCodes(string html) =>
        [.. QrPattern().Matches(html).Select(m => (WebUtility.HtmlDecode(m.Groups[2].Value), WebUtility.HtmlDecode(m.Groups[1].Value)))];

    [Fact]
    public async Task A_location_poster_has_plain_words_and_a_qr_code_that_decodes_to_exactly_the_report_form_for_that_place()
    {
        var (locationId, name, _, _) = await PlacesAsync();
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));

        var html = await admin.GetStringAsync(new Uri($"/admin/posters?Location={locationId}", UriKind.Relative));

        Assert.Contains("See something unsafe? Tell us.", html, StringComparison.Ordinal);
        Assert.Contains("You do not have to give your name.", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(name), html, StringComparison.Ordinal);
        var qr = Assert.Single(QrCodes(html));
        Assert.Equal($"http://localhost:5080/report?location={locationId}", QrImages.Decode(qr.DataUri));
    }

    [Fact]
    public async Task A_division_poster_links_to_the_division_and_all_locations_come_in_one_document_one_a_page()
    {
        var (_, _, divisionId, count) = await PlacesAsync();
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));

        var division = await admin.GetStringAsync(new Uri($"/admin/posters?Division={divisionId}", UriKind.Relative));
        var all = await admin.GetStringAsync(new Uri("/admin/posters?All=true", UriKind.Relative));
        var css = await admin.GetStringAsync(new Uri("/css/site.css", UriKind.Relative));

        Assert.Equal($"http://localhost:5080/report?division={divisionId}", QrImages.Decode(Assert.Single(QrCodes(division)).DataUri));
        var codes = QrCodes(all);
        Assert.Equal(count, codes.Count);
        Assert.All(codes, c => Assert.Matches(@"^http://localhost:5080/report\?location=\d+$", QrImages.Decode(c.DataUri)));
        Assert.Contains("@media print", css, StringComparison.Ordinal);
        Assert.Contains("size: A4", css, StringComparison.Ordinal);
        Assert.Contains("break-after: page", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_form_opens_with_the_posters_place_chosen()
    {
        var (locationId, _, divisionId, _) = await PlacesAsync();

        var byLocation = await app.CreateClient().GetStringAsync(new Uri($"/report?location={locationId}", UriKind.Relative));
        var byDivision = await app.CreateClient().GetStringAsync(new Uri($"/report?division={divisionId}", UriKind.Relative));

        Assert.Contains($"<option value=\"{ReportForm.LocationValue(locationId)}\" selected=\"selected\">", byLocation, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{ReportForm.DivisionValue(divisionId)}\" selected=\"selected\">", byDivision, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StaffRoles.GovernanceLead)]
    [InlineData(StaffRoles.Executive)]
    [InlineData(StaffRoles.Guardian)]
    public async Task Only_admins_make_posters(string role)
    {
        var client = await Staff.SignInAsync(app, await Staff.CreateAsync(app, role));

        var response = await client.GetAsync(new Uri("/admin/posters?All=true", UriKind.Relative));

        Assert.StartsWith("http://localhost/account/access-denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("src=\"(data:image/png;base64,[^\"]+)\"[^>]*data-url=\"([^\"]+)\"")]
    private static partial Regex QrPattern();
}
