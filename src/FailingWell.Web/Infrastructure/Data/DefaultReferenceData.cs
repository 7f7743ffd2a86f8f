namespace FailingWell.Web.Infrastructure.Data;

/// <summary>
/// A sensible starting list for a trust, added once to an empty database. Admins rename, reorder,
/// add and retire items from there.
/// </summary>
public static class DefaultReferenceData
{
    public static readonly IReadOnlyList<(string Division, string[] Locations)> Divisions =
    [
        ("Emergency and Urgent Care", ["Emergency department", "Resuscitation", "Ambulance handover", "Urgent treatment centre"]),
        ("Medicine", ["Acute medical unit", "Cardiology ward", "Respiratory ward", "Elderly care ward", "Stroke unit"]),
        ("Surgery", ["Theatres", "Day surgery", "Surgical ward", "Orthopaedic ward", "Recovery"]),
        ("Women and Children", ["Maternity unit", "Labour ward", "Neonatal unit", "Children's ward"]),
        ("Critical Care", ["Intensive care unit", "High dependency unit"]),
        ("Clinical Support", ["Pharmacy", "Radiology", "Pathology", "Outpatients"]),
        ("Estates and Facilities", ["Portering", "Domestic services", "Catering", "Car parks and grounds", "Plant rooms"]),
        ("Corporate", ["Offices", "Medical records", "Reception"]),
    ];

    public static readonly IReadOnlyList<(string Name, GovernanceStream Stream)> Categories =
    [
        ("Falls", GovernanceStream.PatientSafety),
        ("Medication", GovernanceStream.PatientSafety),
        ("Infection control", GovernanceStream.PatientSafety),
        ("Pressure ulcers", GovernanceStream.PatientSafety),
        ("Staffing", GovernanceStream.RiskAndCompliance),
        ("Equipment", GovernanceStream.RiskAndCompliance),
        ("Environment and cleanliness", GovernanceStream.RiskAndCompliance),
        ("Behaviour", GovernanceStream.PatientExperience),
        ("Dignity and communication", GovernanceStream.PatientExperience),
        ("Information governance", GovernanceStream.RiskAndCompliance),
        ("Safeguarding", GovernanceStream.PatientSafety),
        ("Other", GovernanceStream.PatientSafety),
    ];

    public static readonly IReadOnlyList<(string Name, bool NonClinical)> StaffGroups =
    [
        ("Nursing and midwifery", false),
        ("Medical", false),
        ("Allied health", false),
        ("Healthcare support", false),
        ("Porter", true),
        ("Domestic and cleaning", true),
        ("Catering", true),
        ("Estates", true),
        ("Admin and clerical", true),
        ("Other", false),
    ];

    public static async Task EnsureAsync(FailingWellDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.Divisions.AnyAsync(cancellationToken))
        {
            var order = 0;
            foreach (var (name, locations) in Divisions)
            {
                var division = new Division { Name = name, SortOrder = ++order };
                division.Locations.AddRange(locations.Select((l, i) => new Location { Name = l, SortOrder = i + 1 }));
                db.Divisions.Add(division);
            }
        }

        if (!await db.Categories.AnyAsync(cancellationToken))
        {
            db.Categories.AddRange(Categories.Select((c, i) => new Category { Name = c.Name, DefaultStream = c.Stream, SortOrder = i + 1 }));
        }

        if (!await db.StaffGroups.AnyAsync(cancellationToken))
        {
            db.StaffGroups.AddRange(StaffGroups.Select((s, i) => new StaffGroup { Name = s.Name, IsNonClinical = s.NonClinical, SortOrder = i + 1 }));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
