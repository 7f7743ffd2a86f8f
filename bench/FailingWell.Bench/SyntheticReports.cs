using System.Globalization;
using FailingWell.Web.Domain;

namespace FailingWell.Bench;

/// <summary>
/// The benchmark's synthetic reports, made row by row from a fixed random seed, so every run and
/// every provider gets the same reports (same seed, same reports; only the Version and SubmissionId
/// guids are fresh). Each writer (SQLite's prepared inserts, PostgreSQL's binary COPY) reads the
/// same <see cref="Row"/>, which is reused from one report to the next.
/// </summary>
internal sealed class SyntheticReports
{
    /// <summary>A few kinds of sentence, so a text search finds some reports and not others.</summary>
    public static readonly string[] Text =
    [
        "Synthetic report for scale testing: a patient fell getting out of bed at night.",
        "Synthetic report for scale testing: a medicine was given late on the ward round.",
        "Synthetic report for scale testing: the lift to theatres was out of order again.",
        "Synthetic report for scale testing: a porter waited forty minutes for a wheelchair.",
        "Synthetic report for scale testing: hand gel dispensers were empty in the corridor.",
        "Synthetic report for scale testing: a pressure ulcer was found on admission.",
        "Synthetic report for scale testing: the night team handed over clearly and calmly.",
        "Synthetic report for scale testing: a sharps bin was overfilled in the sluice.",
    ];

    /// <summary>Every synthetic report has this (unusable) receipt: no code opens it.</summary>
    public static readonly byte[] Salt = new byte[16];

    public static readonly byte[] Hash = new byte[32];

    private readonly Random _random;
    private readonly double[] _positions;
    private readonly DateOnly _first;
    private readonly DateOnly _until;
    private readonly int _days;
    private readonly IReadOnlyList<(int Id, GovernanceStream Stream)> _categories;
    private readonly IReadOnlyList<int> _divisions;
    private readonly IReadOnlyList<int> _staffGroups;
    private readonly HashSet<(int, int)> _usedReferences;

    public SyntheticReports(int reports, int years, DateOnly until, int seed,
        IReadOnlyList<(int Id, GovernanceStream Stream)> categories, IReadOnlyList<int> divisions, IReadOnlyList<int> staffGroups,
        HashSet<(int, int)> usedReferences)
    {
        _random = new Random(seed);
        _until = until;
        _first = until.AddYears(-years);
        _days = until.DayNumber - _first.DayNumber;
        _categories = categories;
        _divisions = divisions;
        _staffGroups = staffGroups;
        _usedReferences = usedReferences;

        // Reports arrive in date order, as in a live system, so ids rise with the received date.
        _positions = new double[reports];
        for (var i = 0; i < reports; i++)
        {
            _positions[i] = Math.Sqrt(_random.NextDouble());
        }

        Array.Sort(_positions);
    }

    public int Count => _positions.Length;

    public DateOnly First => _first;

    public DateOnly Until => _until;

    /// <summary>One report's columns (the ones ScaleSeed has always written; the rest are null or default).</summary>
    public sealed class Row
    {
        public string Reference = "";
        public int ReferenceYear;
        public int ReferenceNumber;
        public int Kind;
        public int TextIndex;
        public DateOnly OccurredOn;
        public int OccurredBand;
        public int? DivisionId;
        public int PersonAffected;
        public int PhysicalHarm;
        public int PsychologicalHarm;
        public int CategoryId;
        public int Stream;
        public int? StaffGroupId;
        public bool IsAnonymous;
        public DateOnly ReceivedOn;
        public int ReceivedBand;
        public int Status;
        public DateOnly AcknowledgeBy;
        public DateOnly FeedbackBy;
        public DateOnly? FeedbackGivenOn;
        public DateOnly? AcknowledgedOn;
        public DateOnly? ClosedOn;
        public Guid Version;
        public Guid SubmissionId;
        public string ReceiptLocator = "";

        public string WhatHappened => Text[TextIndex];
    }

    /// <summary>Fills <paramref name="row"/> with report number <paramref name="i"/> (call in order, 0 first).</summary>
    public void Next(int i, Row row)
    {
        var random = _random;
        // Reporting grows over time (the culture story); harm is mostly none or low.
        var position = _positions[i];
        var received = _first.AddDays((int)(position * _days));
        var kindRoll = random.NextDouble();
        var kind = kindRoll < 0.55 ? ReportKind.Incident : kindRoll < 0.8 ? ReportKind.NearMiss : kindRoll < 0.95 ? ReportKind.Concern : ReportKind.GoodPractice;
        var harmRoll = random.NextDouble();
        var harm = kind != ReportKind.Incident ? PhysicalHarm.None
            : harmRoll < 0.62 ? PhysicalHarm.None : harmRoll < 0.9 ? PhysicalHarm.Low : harmRoll < 0.985 ? PhysicalHarm.Moderate : harmRoll < 0.998 ? PhysicalHarm.Severe : PhysicalHarm.Fatal;
        var category = _categories[random.Next(_categories.Count)];
        var year = received.Year;
        int number;
        do
        {
            number = random.Next(ReportReference.Space);
        }
        while (!_usedReferences.Add((year, number)));
        // A working backlog: half the last three months still open, the last fortnight partly
        // unread, and a few older reports still open past their feedback date (overdue).
        var age = _until.DayNumber - received.DayNumber;
        var status = age > 90 ? (random.NextDouble() < 0.004 ? ReportStatus.UnderReview : ReportStatus.Closed)
            : age <= 14 && random.NextDouble() < 0.4 ? ReportStatus.New
            : random.NextDouble() < 0.5 ? ReportStatus.Closed : ReportStatus.UnderReview;
        var closed = status == ReportStatus.Closed;
        var acknowledged = received.AddDays(random.Next(0, 12));
        acknowledged = acknowledged > _until ? _until : acknowledged;
        // The draws below are in the order the columns were always written, so the data stays the same.
        row.Reference = ReportReference.Format(year, number);
        row.ReferenceYear = year;
        row.ReferenceNumber = number;
        row.Kind = (int)kind;
        row.TextIndex = random.Next(Text.Length);
        row.OccurredOn = received;
        row.OccurredBand = random.Next(1, 5);
        row.DivisionId = random.NextDouble() < 0.03 ? null : _divisions[random.Next(_divisions.Count)];
        row.PersonAffected = random.Next(1, 5);
        row.PhysicalHarm = (int)harm;
        row.PsychologicalHarm = harm == PhysicalHarm.None ? 0 : random.Next(0, 3);
        row.CategoryId = category.Id;
        row.Stream = (int)category.Stream;
        row.StaffGroupId = random.NextDouble() < 0.3 ? null : _staffGroups[random.Next(_staffGroups.Count)];
        row.IsAnonymous = random.NextDouble() < 0.7 - (0.4 * position);
        row.ReceivedOn = received;
        row.ReceivedBand = random.Next(1, 5);
        row.Status = (int)status;
        row.AcknowledgeBy = received.AddDays(7);
        row.FeedbackBy = received.AddMonths(3);
        row.FeedbackGivenOn = closed ? received.AddDays(random.Next(5, 80)) : null;
        row.AcknowledgedOn = status == ReportStatus.New ? null : acknowledged;
        row.ClosedOn = closed ? received.AddDays(random.Next(10, 90)) : null;
        row.Version = Guid.NewGuid();
        row.SubmissionId = Guid.NewGuid();
        row.ReceiptLocator = "S" + i.ToString("X7", CultureInfo.InvariantCulture);
    }
}
