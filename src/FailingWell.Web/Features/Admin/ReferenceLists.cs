namespace FailingWell.Web.Features.Admin;

/// <summary>
/// The four lists behind the report form. Items are added, renamed, reordered and retired, never
/// deleted: old reports keep (and still count under) what they were filed under.
/// </summary>
public static class ReferenceLists
{
    public const string Divisions = "divisions";
    public const string Locations = "locations";
    public const string Categories = "categories";
    public const string StaffGroups = "staff-groups";

    public static readonly IReadOnlyList<string> All = [Divisions, Locations, Categories, StaffGroups];

    public static string Singular(string list) => list switch
    {
        Divisions => "division",
        Locations => "location",
        Categories => "category",
        StaffGroups => "staff group",
        _ => "item",
    };

    public static IQueryable<ReferenceItem> Items(FailingWellDbContext db, string list) => list switch
    {
        Divisions => db.Divisions,
        Locations => db.Locations,
        Categories => db.Categories,
        StaffGroups => db.StaffGroups,
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, null),
    };

    /// <summary>Items that share a name space: locations within their division, the others in their list.</summary>
    public static IQueryable<ReferenceItem> Siblings(FailingWellDbContext db, string list, int? divisionId) =>
        list == Locations ? db.Locations.Where(l => l.DivisionId == divisionId) : Items(db, list);
}
