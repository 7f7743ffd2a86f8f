namespace FailingWell.Web.Infrastructure.Mediation;

/// <summary>
/// One transaction per command: the business change and anything it queued (an email in the outbox,
/// an audit entry) commit together or not at all.
/// </summary>
public sealed class TransactionBehavior<TRequest, TResponse>(FailingWellDbContext db)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly bool IsCommand =
        typeof(TRequest).GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (!IsCommand || db.Database.CurrentTransaction is not null)
        {
            return await next();
        }

        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var response = await next();
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return response;
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved the same thing first: theirs stands, and this one is told why it did not.
            db.ChangeTracker.Clear();
            throw new RequestValidationException(typeof(TRequest), [new FluentValidation.Results.ValidationFailure("", ConcurrencyConflict.Message)]);
        }
    }
}

public static class ConcurrencyConflict
{
    public const string Message =
        "Someone else changed this report while you were looking at it, so your change was not saved. The page now shows the latest details: check them and try again.";
}
