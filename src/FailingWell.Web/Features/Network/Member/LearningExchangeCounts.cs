using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>How many learning notes this organisation read, shared and adopted since a date.</summary>
public interface ILearningExchangeCounts
{
    /// <summary>Null when the organisation is not in a network: then nothing is known and no signal is raised.</summary>
    Task<LearningExchanged?> SinceAsync(DateOnly from, CancellationToken cancellationToken);
}

/// <summary>Read from the library (days notes were opened, adopted) and this organisation's published notes.</summary>
public sealed class LibraryLearningExchange(FailingWellDbContext db, Microsoft.Extensions.Options.IOptions<NetworkSettings> options) : ILearningExchangeCounts
{
    public async Task<LearningExchanged?> SinceAsync(DateOnly from, CancellationToken cancellationToken)
    {
        if (options.Value.Role != NetworkRole.Member)
        {
            return null;
        }

        var read = await db.NetworkNotes.CountAsync(n => !n.IsOwn && n.LastReadOn >= from, cancellationToken);
        var adopted = await db.NetworkNotes.CountAsync(n => n.AdoptedOn >= from, cancellationToken);
        var shared = await db.LearningNotes.CountAsync(n => n.Status == LearningNoteStatus.Published && n.PublishedOn >= from, cancellationToken);
        return new LearningExchanged(read, shared, adopted);
    }
}
