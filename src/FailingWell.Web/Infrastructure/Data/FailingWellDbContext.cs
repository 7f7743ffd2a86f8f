using FailingWell.Web.Domain.Network;
using FailingWell.Web.Infrastructure.Email;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace FailingWell.Web.Infrastructure.Data;

/// <summary>The one model: Identity's tables and everything FailingWell keeps.</summary>
public sealed class FailingWellDbContext(DbContextOptions<FailingWellDbContext> options)
    : IdentityDbContext<StaffAccount>(options), IDataProtectionKeyContext
{
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();

    public DbSet<Infrastructure.Scheduling.JobRun> JobRuns => Set<Infrastructure.Scheduling.JobRun>();
    public DbSet<LfpseEvent> LfpseEvents => Set<LfpseEvent>();

    public DbSet<LfpseOutboxItem> LfpseOutbox => Set<LfpseOutboxItem>();

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<ReportMessage> ReportMessages => Set<ReportMessage>();

    public DbSet<ReportAction> ReportActions => Set<ReportAction>();

    public DbSet<SpeakUpCase> SpeakUpCases => Set<SpeakUpCase>();

    public DbSet<SpeakUpMessage> SpeakUpMessages => Set<SpeakUpMessage>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Setting> Settings => Set<Setting>();

    public DbSet<Digest> Digests => Set<Digest>();

    public DbSet<DigestSubscription> DigestSubscriptions => Set<DigestSubscription>();

    public DbSet<CultureRollup> CultureRollups => Set<CultureRollup>();

    public DbSet<Denominator> Denominators => Set<Denominator>();

    public DbSet<Annotation> Annotations => Set<Annotation>();

    public DbSet<PeerRate> PeerRates => Set<PeerRate>();

    /// <summary>The Data Protection key ring, read and written by the framework's store (docs/decisions/0106).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Division> Divisions => Set<Division>();

    public DbSet<Location> Locations => Set<Location>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<StaffGroup> StaffGroups => Set<StaffGroup>();

    public DbSet<SavedQueueView> SavedQueueViews => Set<SavedQueueView>();
    public DbSet<ResponsePlanVersion> ResponsePlanVersions => Set<ResponsePlanVersion>();

    public DbSet<LearningResponse> LearningResponses => Set<LearningResponse>();

    public DbSet<LearningResponseReport> LearningResponseReports => Set<LearningResponseReport>();

    public DbSet<SafetyAction> SafetyActions => Set<SafetyAction>();

    public DbSet<Engagement> Engagements => Set<Engagement>();

    public DbSet<JustCultureRecord> JustCultureRecords => Set<JustCultureRecord>();

    public DbSet<Domain.Network.HubAggregate> HubAggregates => Set<Domain.Network.HubAggregate>();

    public DbSet<Domain.Network.HubSignal> HubSignals => Set<Domain.Network.HubSignal>();

    public DbSet<Domain.Network.PeerSupportOffer> PeerSupportOffers => Set<Domain.Network.PeerSupportOffer>();

    public DbSet<Domain.Network.PeerAggregate> PeerAggregates => Set<Domain.Network.PeerAggregate>();

    public DbSet<Domain.Network.SupportOffer> SupportOffers => Set<Domain.Network.SupportOffer>();

    public DbSet<HubMember> HubMembers => Set<HubMember>();

    public DbSet<HubReceivedMessage> HubReceivedMessages => Set<HubReceivedMessage>();

    public DbSet<HubNote> HubNotes => Set<HubNote>();

    public DbSet<HubNoteEvent> HubNoteEvents => Set<HubNoteEvent>();

    public DbSet<NetworkOutboxMessage> NetworkOutboxMessages => Set<NetworkOutboxMessage>();

    public DbSet<NetworkContact> NetworkContacts => Set<NetworkContact>();

    public DbSet<LearningNote> LearningNotes => Set<LearningNote>();

    public DbSet<NetworkNote> NetworkNotes => Set<NetworkNote>();

    public DbSet<ImportMapping> ImportMappings => Set<ImportMapping>();

    public DbSet<ImportUpload> ImportUploads => Set<ImportUpload>();

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime> UtcDateTime = new(
        written => written.Kind == DateTimeKind.Local ? written.ToUniversalTime() : DateTime.SpecifyKind(written, DateTimeKind.Utc),
        read => DateTime.SpecifyKind(read, DateTimeKind.Utc));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FailingWellDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            // Every stored instant is UTC by convention (its name ends in Utc), and PostgreSQL keeps
            // it as 'timestamp with time zone', which Npgsql writes only from a DateTime marked as UTC;
            // one read from a form or SQLite is not marked, so it is marked here on the way in.
            foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
                .Where(p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?)))
            {
                property.SetValueConverter(UtcDateTime);
            }
        }
    }
}
