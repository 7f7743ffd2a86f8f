using System.Collections.Concurrent;

namespace FailingWell.Web.Features.Reporting;

/// <summary>
/// Where new reports are written, each with its random reference and its receipt code's verifier. SQLite has one writer at a time, and
/// submissions that each open their own write transaction spend their time waiting for one another.
/// Here they queue instead: whichever submission finds the gate free commits everything queued so
/// far in one transaction (group commit), and each waits until its own report is committed, so no
/// receipt is shown for a report that is not in the database, and every receipt shown already opens
/// its report, after a crash and on any node.
/// </summary>
#pragma warning disable CA1001 // The gate is never disposed: the test host disposes singletons before the last hashes are stored, and a SemaphoreSlim without a wait handle holds nothing to free.
public sealed class ReportIntake(IServiceScopeFactory scopes)
#pragma warning restore CA1001
{
    /// <summary>Enough to empty the queue at 32 concurrent submissions in one go.</summary>
    private const int MaxBatch = 128;

    private readonly ConcurrentQueue<Work> queue = new();
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>
    /// A committed report. <see cref="IsNew"/> is false when its form had been sent before; then there
    /// is no <see cref="ReceiptCode"/> (a code is shown once).
    /// </summary>
    public sealed record Accepted(int ReportId, string Reference, bool IsNew, string? ReceiptCode);

    /// <summary>
    /// Commits the report with a fresh reference and receipt code, with an escalation email if it needs one.
    /// A report whose submission id is already saved is not saved again: the first one is returned.
    /// </summary>
    public Task<Accepted> AcceptAsync(Report report, bool escalate)
    {
        ArgumentNullException.ThrowIfNull(report);
        return RunAsync(new NewReport(report, escalate));
    }

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
            Dictionary<Guid, string> codes = [];
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
                    outcomes.Add(() => item.Done.TrySetResult(new Accepted(earlier.Id, earlier.Reference, IsNew: false, ReceiptCode: null)));
                }
                else if (fresh.TryGetValue(item.Report.SubmissionId, out var twin))
                {
                    // The same form twice in one batch (a double press): the first one counts.
                    outcomes.Add(() => item.Done.TrySetResult(new Accepted(twin.Id, twin.Reference, IsNew: false, ReceiptCode: null)));
                }
                else
                {
                    fresh.Add(item.Report.SubmissionId, item.Report);
                    if (item.Escalate)
                    {
                        await escalation.NewReportNeedsAttentionAsync();
                    }

                    outcomes.Add(() => item.Done.TrySetResult(new Accepted(item.Report.Id, item.Report.Reference, IsNew: true, codes[item.Report.SubmissionId])));
                }
            }

            // Drawn inside the transaction, so a retry after a clash draws again.
            codes = await IssueAsync(db, [.. fresh.Values]);
            db.Reports.AddRange(fresh.Values);

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });

        foreach (var outcome in outcomes)
        {
            outcome();
        }

        // No log line here: its time would date the reports it names.
    }

    /// <summary>
    /// Gives each new report a random reference and a receipt code whose locator no other report
    /// has (checked against the database and the batch), and stores the code's verifier. Returns
    /// each report's code, to be shown once.
    /// </summary>
    private static async Task<Dictionary<Guid, string>> IssueAsync(FailingWellDbContext db, IReadOnlyList<Report> reports)
    {
        var codes = new Dictionary<Guid, string>();
        var pending = reports.ToList();
        while (pending.Count > 0)
        {
            foreach (var report in pending)
            {
                var receipt = ReceiptCodes.Issue();
                report.Id = 0; // a retried batch must not reuse an id from the attempt that failed
                report.ReferenceYear = report.ReceivedOn.Year;
                report.ReferenceNumber = ReportReference.DrawNumber();
                report.Reference = ReportReference.Format(report.ReferenceYear, report.ReferenceNumber);
                report.ReceiptLocator = receipt.Locator;
                report.ReceiptSalt = receipt.Salt;
                report.ReceiptHash = receipt.Hash;
                report.ReceiptVerifier = ReceiptVerifier.HmacSha256;
                codes[report.SubmissionId] = receipt.Code;
            }

            var locators = pending.Select(r => r.ReceiptLocator).ToList();
            var references = pending.Select(r => r.Reference).ToList();
            var taken = await db.Reports.AsNoTracking()
                .Where(r => locators.Contains(r.ReceiptLocator) || references.Contains(r.Reference))
                .Select(r => new { r.ReceiptLocator, r.Reference })
                .ToListAsync();
            var takenLocators = taken.Select(t => t.ReceiptLocator).ToHashSet(StringComparer.Ordinal);
            var takenReferences = taken.Select(t => t.Reference).ToHashSet(StringComparer.Ordinal);
            var seenLocators = new HashSet<string?>(StringComparer.Ordinal);
            var seenReferences = new HashSet<string>(StringComparer.Ordinal);
            pending = [.. pending.Where(r =>
                takenLocators.Contains(r.ReceiptLocator) || takenReferences.Contains(r.Reference)
                || !seenLocators.Add(r.ReceiptLocator) || !seenReferences.Add(r.Reference))];
        }

        return codes;
    }

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
}
