using FailingWell.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace FailingWell.Web.Infrastructure.Data;

/// <summary>The one model: Identity's tables and everything FailingWell keeps.</summary>
public sealed class FailingWellDbContext(DbContextOptions<FailingWellDbContext> options)
    : IdentityDbContext<StaffAccount>(options)
{
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<ReportMessage> ReportMessages => Set<ReportMessage>();

    public DbSet<ReportAction> ReportActions => Set<ReportAction>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Setting> Settings => Set<Setting>();

    public DbSet<Digest> Digests => Set<Digest>();

    public DbSet<DigestSubscription> DigestSubscriptions => Set<DigestSubscription>();

    public DbSet<CultureRollup> CultureRollups => Set<CultureRollup>();

    public DbSet<Denominator> Denominators => Set<Denominator>();

    public DbSet<Annotation> Annotations => Set<Annotation>();

    public DbSet<PeerRate> PeerRates => Set<PeerRate>();

    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();

    public DbSet<Division> Divisions => Set<Division>();

    public DbSet<Location> Locations => Set<Location>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<StaffGroup> StaffGroups => Set<StaffGroup>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FailingWellDbContext).Assembly);
    }
}
