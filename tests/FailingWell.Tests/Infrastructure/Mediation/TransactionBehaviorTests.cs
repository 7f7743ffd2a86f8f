using FailingWell.Web.Infrastructure.Email;
using FailingWell.Web.Infrastructure.Mediation;

namespace FailingWell.Tests.Infrastructure.Mediation;

[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class TransactionBehaviorTests(FailingWellApp app) : IClassFixture<FailingWellApp>
{
    private sealed class QueueAndFail : ICommand<int>;

    private sealed class QueueAndSucceed : ICommand<int>;

    private sealed class ReadOnlyQuery : IRequest<int>;

    [Fact]
    public async Task A_command_that_fails_commits_nothing_it_wrote()
    {
        await using var scope = app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
        var behaviour = new TransactionBehavior<QueueAndFail, int>(db);

        await Assert.ThrowsAsync<InvalidOperationException>(() => behaviour.Handle(new QueueAndFail(), CancellationToken.None, async () =>
        {
            outbox.Enqueue(new EmailMessage("rollback@trust.nhs.uk", "s", "b"));
            await db.SaveChangesAsync(); // written inside the transaction...
            throw new InvalidOperationException("the change went wrong half-way");
        }));

        await using var check = app.Scope();
        Assert.False(await FailingWellApp.NewDbContext(check).OutboxEmails.AnyAsync(e => e.To == "rollback@trust.nhs.uk"), "...and rolled back");
    }

    [Fact]
    public async Task A_command_that_succeeds_commits_what_it_queued_without_saving_itself()
    {
        await using var scope = app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
        var behaviour = new TransactionBehavior<QueueAndSucceed, int>(db);

        await behaviour.Handle(new QueueAndSucceed(), CancellationToken.None, () =>
        {
            outbox.Enqueue(new EmailMessage("commit@trust.nhs.uk", "s", "b"));
            return Task.FromResult(1);
        });

        await using var check = app.Scope();
        Assert.True(await FailingWellApp.NewDbContext(check).OutboxEmails.AnyAsync(e => e.To == "commit@trust.nhs.uk"));
    }

    [Fact]
    public async Task A_save_over_a_version_someone_else_replaced_is_refused_as_a_conflict()
    {
        var sent = await new ReportBuilder().SubmitAsync(app);
        await using var scope = app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        var behaviour = new TransactionBehavior<QueueAndSucceed, int>(db);

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => behaviour.Handle(new QueueAndSucceed(), CancellationToken.None, async () =>
        {
            var report = await db.Reports.SingleAsync(r => r.Id == sent.Id);
            // As if another lead saved between this lead's check and save.
            db.Entry(report).Property(r => r.Version).OriginalValue = Guid.NewGuid();
            report.Version = Guid.NewGuid();
            report.Title = "Lost update";
            return 1;
        }));

        Assert.Equal(ConcurrencyConflict.Message, Assert.Single(refused.Errors).ErrorMessage);
        Assert.Null((await SavedReports.LoadAsync(app, sent.Id)).Title);
    }

    [Fact]
    public async Task A_query_runs_without_a_transaction()
    {
        await using var scope = app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        var behaviour = new TransactionBehavior<ReadOnlyQuery, int>(db);

        var sawTransaction = await behaviour.Handle(new ReadOnlyQuery(), CancellationToken.None,
            () => Task.FromResult(db.Database.CurrentTransaction is null ? 0 : 1));

        Assert.Equal(0, sawTransaction);
    }
}
