using System.Collections.Concurrent;

namespace FailingWell.Web.Features.Reporting;

/// <summary>
/// Where new reports and their receipt hashes are written. SQLite has one writer at a time, and
/// submissions that each open their own write transaction spend their time waiting for one another.
/// Here they queue instead: whichever submission finds the gate free commits everything queued so
/// far in one transaction (group commit), and each waits until its own report is committed, so no
/// receipt is shown for a report that is not in the database.
/// </summary>
#pragma warning disable CA1001 // The gate is never disposed: the test host disposes singletons before the last hashes are stored, and a SemaphoreSlim without a wait handle holds nothing to free.
public sealed partial class ReportIntake(IServiceScopeFactory scopes, ILogger<ReportIntake> logger)
#pragma warning restore CA1001
{
    /// <summary>Enough to empty the queue at 32 concurrent submissions in one go.</summary>
    private const int MaxBatch = 128;

    private readonly ConcurrentQueue<Work> queue = new();
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>A committed report: <see cref="IsNew"/> is false when its form had been sent before.</summary>
    public sealed record Accepted(int ReportId, string Reference, bool IsNew);

    /// <summary>
    /// Commits the report, numbering it from its year's counter, with an escalation email if it needs one.
    /// A report whose submission id is already saved is not saved again: the first one is returned.
    /// </summary>
    public Task<Accepted> AcceptAsync(Report report, bool escalate)
    {
        ArgumentNullException.ThrowIfNull(report);
        return RunAsync(new NewReport(report, escalate));
    }

    /// <summary>Stores a receipt code's slow hash once it has been worked out.</summary>
    public Task SecureReceiptAsync(int reportId, byte[] hash) => RunAsync(new SecuredReceipt(reportId, hash));

    private async Task<TResult> RunAsync<TResult>(Work<TResult> work)
    {
        queue.Enqueue(work);
        while (!work.Done.Task.IsCompleted)
        {
            // Not cancellable: the batch being committed may hold other people's reports.
            await gate.WaitAsync(CancellationToken.None);
            try
            {
                if (work.Done.Task.IsCompleted)
                {
                    break;
                }

                var batch = new List<Work>();
                while (batch.Count < MaxBatch && queue.TryDequeue(out var next))
                {
                    batch.Add(next);
                }

                await CommitAsync(batch);
            }
            finally
            {
                gate.Release();
            }
        }

        return await work.Done.Task;
    }

    private async Task CommitAsync(List<Work> batch)
    {
        try
        {
            await CommitTogetherAsync(batch);
        }
        catch (Exception) when (batch.Count > 1)
        {
            // One bad item must not sink the reports queued beside it: each is tried on its own.
            foreach (var work in batch)
            {
                try
                {
                    await CommitTogetherAsync([work]);
                }
#pragma warning disable CA1031 // The failure goes to the one submission it belongs to.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    work.Fail(ex);
                }
            }
        }
#pragma warning disable CA1031 // Every waiter hears of the failure; none is left hanging.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            foreach (var work in batch)
            {
                work.Fail(ex);
            }
        }
    }

    private async Task CommitTogetherAsync(IReadOnlyList<Work> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FailingWellDbContext>();
        var escalation = scope.ServiceProvider.GetRequiredService<Triage.Escalation>();
        var outcomes = new List<Action>();

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            outcomes.Clear();
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();

            var newReports = batch.OfType<NewReport>().ToList();
            var submissionIds = newReports.Select(n => n.Report.SubmissionId).Distinct().ToList();
            var saved = submissionIds.Count == 0
                ? []
                : await db.Reports.AsNoTracking()
                    .Where(r => submissionIds.Contains(r.SubmissionId))
                    .Select(r => new { r.SubmissionId, r.Id, r.Reference })
                    .ToDictionaryAsync(r => r.SubmissionId, r => (r.Id, r.Reference));

            var fresh = new Dictionary<Guid, Report>();
            foreach (var item in newReports)
            {
                if (saved.TryGetValue(item.Report.SubmissionId, out var earlier))
                {
                    outcomes.Add(() => item.Done.TrySetResult(new Accepted(earlier.Id, earlier.Reference, IsNew: false)));
                }
                else if (fresh.TryGetValue(item.Report.SubmissionId, out var twin))
                {
                    // The same form twice in one batch (a double press): the first one counts.
                    outcomes.Add(() => item.Done.TrySetResult(new Accepted(twin.Id, twin.Reference, IsNew: false)));
                }
                else
                {
                    fresh.Add(item.Report.SubmissionId, item.Report);
                    if (item.Escalate)
                    {
                        await escalation.NewReportNeedsAttentionAsync();
                    }

                    outcomes.Add(() => item.Done.TrySetResult(new Accepted(item.Report.Id, item.Report.Reference, IsNew: true)));
                }
            }

            foreach (var year in fresh.Values.GroupBy(r => r.ReceivedOn.Year))
            {
                var number = await ReserveNumbersAsync(db, year.Key, year.Count());
                foreach (var report in year)
                {
                    report.Id = 0; // a retried batch must not reuse an id from the attempt that failed
                    report.ReferenceYear = year.Key;
                    report.ReferenceNumber = number;
                    report.Reference = ReportReference.Format(year.Key, number);
                    number++;
                }
            }

            db.Reports.AddRange(fresh.Values);

            foreach (var secured in batch.OfType<SecuredReceipt>())
            {
                await db.Reports.Where(r => r.Id == secured.ReportId)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.ReceiptHash, secured.Hash));
                outcomes.Add(() => secured.Done.TrySetResult(true));
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });

        foreach (var outcome in outcomes)
        {
            outcome();
        }

        if (batch.Count > 1)
        {
            LogBatch(logger, batch.Count);
        }
    }

    /// <summary>
    /// Takes the next <paramref name="count"/> numbers of the year with one UPDATE: its row lock
    /// makes writers on other nodes take turns. Returns the first.
    /// </summary>
    private static async Task<int> ReserveNumbersAsync(FailingWellDbContext db, int year, int count)
    {
        var bumped = await db.ReferenceCounters.Where(c => c.Year == year)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.LastNumber, c => c.LastNumber + count));
        if (bumped == 0)
        {
            db.ReferenceCounters.Add(new ReferenceCounter { Year = year, LastNumber = count });
            return 1;
        }

        var last = await db.ReferenceCounters.Where(c => c.Year == year).Select(c => c.LastNumber).SingleAsync();
        return last - count + 1;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Committed {Count} queued writes together")]
    private static partial void LogBatch(ILogger logger, int count);

    private abstract class Work
    {
        public abstract void Fail(Exception exception);
    }

    private abstract class Work<TResult> : Work
    {
        public TaskCompletionSource<TResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Fail(Exception exception) => Done.TrySetException(exception);
    }

    private sealed class NewReport(Report report, bool escalate) : Work<Accepted>
    {
        public Report Report { get; } = report;

        public bool Escalate { get; } = escalate;
    }

    private sealed class SecuredReceipt(int reportId, byte[] hash) : Work<bool>
    {
        public int ReportId { get; } = reportId;

        public byte[] Hash { get; } = hash;
    }
}
