using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FailingWell.Web.Domain;

/// <summary>
/// A lead's own named filter and sort of the triage queue ("my overdue"), kept as the queue's query
/// string as the app writes it. Seen only by the account that saved it.
/// </summary>
public sealed class SavedQueueView
{
    public const int NameLength = 60;

    public const int QueryLength = 1000;

    public int Id { get; set; }

    public string AccountId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Filter and sort as "Filter.Kind=NearMiss&amp;Filter.Sort=harm", never the page number.</summary>
    public string Query { get; set; } = "";
}

internal sealed class SavedQueueViewConfiguration : IEntityTypeConfiguration<SavedQueueView>
{
    public void Configure(EntityTypeBuilder<SavedQueueView> builder)
    {
        builder.ToTable("SavedQueueViews");
        builder.Property(v => v.AccountId).HasMaxLength(450).IsRequired();
        builder.Property(v => v.Name).HasMaxLength(SavedQueueView.NameLength).IsRequired();
        builder.Property(v => v.Query).HasMaxLength(SavedQueueView.QueryLength).IsRequired();
        builder.HasIndex(v => new { v.AccountId, v.Name }).IsUnique();
    }
}
