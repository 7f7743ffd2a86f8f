using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using FailingWell.Web.Infrastructure.Scheduling;
using Microsoft.Extensions.Options;

namespace FailingWell.Web.Features.Reporting;

/// <summary>
/// Receipt codes whose slow hash is still being worked out. A receipt code's hash costs about a
/// quarter of a core-second, which on the request would cap a two-core site at about eight reports
/// a second and make everyone else wait behind them. So the report is committed with its code's
/// salt and an empty hash, the code is shown, and its secret half stays here, in memory only, until
/// a lowest-priority thread has hashed it and the hash is committed. The secret is never written down:
/// until then the code is checked against this memory. If the site stops, it hashes what is left
/// before it exits (within the shutdown timeout). When too many codes wait, a submission hashes its
/// own code before answering, so a sustained flood slows down instead of growing this list.
/// </summary>
public sealed partial class PendingReceipts(IOptions<ReportingSettings> settings, ILogger<PendingReceipts> logger)
{
    private readonly ConcurrentDictionary<string, Pending> byLocator = new(StringComparer.Ordinal);
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>();
    private int reserved;

    public sealed record Pending(int ReportId, string Locator, string Secret, byte[] Salt);

    /// <summary>What a code matched against this memory gives back: the hash it was checked with.</summary>
    public sealed record Match(bool Found, bool Matches, byte[] Hash);

    public int Count => byLocator.Count;

    /// <summary>Keeps a place for one code, or says no when the list is full and the caller must hash now.</summary>
    public bool TryReserve()
    {
        if (Interlocked.Increment(ref reserved) <= settings.Value.MaxPendingReceiptCodes)
        {
            return true;
        }

        Interlocked.Decrement(ref reserved);
        return false;
    }

    public void Release() => Interlocked.Decrement(ref reserved);

    /// <summary>Called once the report is committed, so the hash has a row to go to.</summary>
    public void Hold(int reportId, ReceiptCodes.Drawn code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var pending = new Pending(reportId, code.Locator, code.Secret, code.Salt);
        byLocator[code.Locator] = pending;
        queue.Writer.TryWrite(pending);
    }

    /// <summary>
    /// Checks a typed code against one still waiting. Always costs one slow hash, like a stored code;
    /// when it matches, that hash is the one to store.
    /// </summary>
    public Match Check(string normalised, byte[] salt)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        var hash = ReceiptCodes.Hash(ReceiptCodes.SecretOf(normalised), salt);
        if (!byLocator.TryGetValue(ReceiptCodes.LocatorOf(normalised), out var pending))
        {
            return new Match(false, false, hash);
        }

        var matches = CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(ReceiptCodes.SecretOf(normalised)), Encoding.ASCII.GetBytes(pending.Secret));
        return new Match(true, matches, hash);
    }

    /// <summary>The hash is committed: the secret can go.</summary>
    public void Secured(string locator)
    {
        if (byLocator.TryRemove(locator, out _))
        {
            Release();
        }
    }

    internal bool IsWaiting(string locator) => byLocator.ContainsKey(locator);

    internal IEnumerable<Pending> Waiting => byLocator.Values;

    /// <summary>Blocks the calling thread until a code waits (or the token is cancelled).</summary>
    internal Pending Take(CancellationToken cancellationToken)
    {
        Pending? pending;
        while (!queue.Reader.TryRead(out pending))
        {
            queue.Reader.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult();
        }

        return pending;
    }

    internal void LogUnsecured(int count) => LogLost(logger, count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} receipt codes were still being secured when the site stopped; those codes will not open their reports")]
    private static partial void LogLost(ILogger logger, int count);
}

/// <summary>
/// Hashes waiting receipt codes on one thread a core, each run by the operating system only when
/// nothing else wants that core, so requests keep the CPU and idle time secures the codes.
/// </summary>
public sealed class ReceiptHashing(PendingReceipts pending, ReportIntake intake, IHostApplicationLifetime lifetime) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Thread> workers = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < Math.Max(1, Environment.ProcessorCount); i++)
        {
            var worker = new Thread(Work) { IsBackground = true, Name = "receipt-hashing" };
            workers.Add(worker);
            worker.Start();
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        foreach (var worker in workers)
        {
            worker.Join();
        }

        // Whatever is left is hashed now, on every core: an unhashed code would be lost with the memory.
        try
        {
            await Parallel.ForEachAsync(pending.Waiting.ToList(), cancellationToken, async (item, ct) =>
                await SecureAsync(item));
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
            // A host that tears its services down before stopping them (the test host does) has no
            // database left to write to.
        }

        if (pending.Count > 0)
        {
            pending.LogUnsecured(pending.Count);
        }
    }

    private void Work()
    {
        LowPriority.ForCurrentThread();
        while (!stopping.IsCancellationRequested)
        {
            PendingReceipts.Pending item;
            try
            {
                item = pending.Take(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (!pending.IsWaiting(item.Locator))
            {
                continue; // its reporter came back first and the check stored the hash
            }

            var hash = ReceiptCodes.Hash(item.Secret, item.Salt);

            // Committed on a normal thread: a low-priority thread must not hold the database's write lock.
            try
            {
                Task.Run(() => StoreAsync(item, hash), lifetime.ApplicationStopping).Wait(lifetime.ApplicationStopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (AggregateException)
            {
                // Stays waiting; the shutdown pass tries it again.
            }
        }
    }

    private Task SecureAsync(PendingReceipts.Pending item) => StoreAsync(item, ReceiptCodes.Hash(item.Secret, item.Salt));

    private async Task StoreAsync(PendingReceipts.Pending item, byte[] hash)
    {
        await intake.SecureReceiptAsync(item.ReportId, hash);
        pending.Secured(item.Locator);
    }

    public void Dispose() => stopping.Dispose();
}
