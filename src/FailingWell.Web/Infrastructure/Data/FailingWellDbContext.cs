using FailingWell.Web.Infrastructure.Accounts;
using FailingWell.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FailingWell.Web.Infrastructure.Data;

/// <summary>The one model: Identity's tables and everything FailingWell keeps.</summary>
public sealed class FailingWellDbContext(DbContextOptions<FailingWellDbContext> options)
    : IdentityDbContext<StaffAccount>(options)
{
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FailingWellDbContext).Assembly);
    }
}
