using FailingWell.Web.Infrastructure.Email;
using QRCoder;

namespace FailingWell.Web.Features.Admin;

/// <summary>
/// Printable posters for the wards: each a QR code to /report with its place chosen, and nothing else
/// in the link: no campaign, device or tracking parameter, so a scan says nothing of who scanned it
/// (docs/decisions/0066).
/// </summary>
public static class Posters
{
    public const string Headline = "See something unsafe? Tell us.";
    public const string Promise = "You do not have to give your name.";

    /// <summary>Nothing chosen: the list of places. A location, a division, or every location.</summary>
    public sealed record Query(int? LocationId, int? DivisionId, bool AllLocations) : IRequest<Result>;

    public sealed record Place(int Id, string Name, bool IsDivision, string Division);

    public sealed record Poster(string Place, string Division, string Url, string QrPngDataUri);

    public sealed record Result(IReadOnlyList<Place> Places, IReadOnlyList<Poster> Posters);

    /// <summary>The only thing a poster's link carries: the place.</summary>
    public static string LinkFor(string site, Place place) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{site}/report?{(place.IsDivision ? "division" : "location")}={place.Id}");

    public sealed class Handler(FailingWellDbContext db, IConfiguration configuration) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var divisions = await db.Divisions.AsNoTracking()
                .Where(d => !d.IsRetired)
                .OrderBy(d => d.SortOrder).ThenBy(d => d.Name)
                .Select(d => new
                {
                    d.Id, d.Name,
                    Locations = d.Locations.Where(l => !l.IsRetired).OrderBy(l => l.SortOrder).ThenBy(l => l.Name).Select(l => new { l.Id, l.Name }).ToList(),
                })
                .ToListAsync(cancellationToken);
            var places = divisions.SelectMany(d =>
                    d.Locations.Select(l => new Place(l.Id, l.Name, false, d.Name)).Prepend(new Place(d.Id, d.Name, true, d.Name)))
                .ToList();

            var chosen = places.Where(p =>
                (request.AllLocations && !p.IsDivision)
                || (!p.IsDivision && p.Id == request.LocationId)
                || (p.IsDivision && p.Id == request.DivisionId)).ToList();
            var site = configuration.SiteBaseUrl();
            return new Result(places, [.. chosen.Select(p => new Poster(p.Name, p.Division, LinkFor(site, p), QrCode(LinkFor(site, p))))]);
        }

        private static string QrCode(string url)
        {
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.Q);
            return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(12));
        }
    }
}
