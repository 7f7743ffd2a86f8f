using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace FailingWell.Web.Features.Reporting;

/// <summary>
/// Counts, per client and per hour, the things a client may only do a few times (wrong receipt codes,
/// reports sent). It keeps no client address: only a keyed hash of it, with a key made fresh at each
/// start and never stored, and only in memory, for an hour.
/// </summary>
public sealed class ClientLimiter(TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, Counter> _counters = new();

    private sealed class Counter(DateTimeOffset windowStart)
    {
        public DateTimeOffset WindowStart { get; set; } = windowStart;

        public int Count { get; set; }
    }

    public bool IsLimited(HttpContext context, string bucket, int limit)
    {
        var now = clock.GetUtcNow();
        return _counters.TryGetValue(KeyFor(context, bucket), out var counter)
            && now - counter.WindowStart < Window
            && counter.Count >= limit;
    }

    public void Record(HttpContext context, string bucket)
    {
        var now = clock.GetUtcNow();
        var counter = _counters.GetOrAdd(KeyFor(context, bucket), _ => new Counter(now));
        lock (counter)
        {
            if (now - counter.WindowStart >= Window)
            {
                counter.WindowStart = now;
                counter.Count = 0;
            }

            counter.Count++;
        }

        if (_counters.Count > 10_000)
        {
            Sweep(now);
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, counter) in _counters)
        {
            if (now - counter.WindowStart >= Window)
            {
                _counters.TryRemove(key, out _);
            }
        }
    }

    private string KeyFor(HttpContext context, string bucket)
    {
        var address = context.Connection.RemoteIpAddress?.GetAddressBytes() ?? [];
        var digest = HMACSHA256.HashData(_key, address);
        return bucket + ":" + Convert.ToBase64String(digest, 0, 16);
    }
}
