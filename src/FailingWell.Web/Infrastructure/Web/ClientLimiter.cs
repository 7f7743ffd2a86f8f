using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace FailingWell.Web.Infrastructure.Web;

/// <summary>
/// Counts, per client and per hour, the things a client may only do a few times (wrong receipt codes,
/// reports sent, failed sign-ins). It keeps no client address: only a keyed hash of it, with a key made
/// fresh at each start and never stored, and only in memory, for an hour.
/// A client is an IPv4 address, or an IPv6 /64 (one home or phone gets a whole /64, so rotating inside
/// it is one client); an IPv4 address written as IPv6 (::ffff:a.b.c.d) is that IPv4 address.
/// The table has a hard ceiling and is swept by a timer, never on a request (docs/decisions/0088).
/// </summary>
public sealed class ClientLimiter : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly TimeProvider _clock;
    private readonly ILogger<ClientLimiter> _logger;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<Key, Counter> _counters = new();
    private readonly int _clientCapacity;
    private readonly int _networkCapacity;
    private readonly ITimer _sweep;
    private int _clients;
    private int _networks;
    private int _uncounted;
    private DateTimeOffset _lastWarned = DateTimeOffset.MinValue;

    public ClientLimiter(TimeProvider clock, IOptions<ClientLimiterSettings> settings, ILogger<ClientLimiter> logger)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(settings);
        _clock = clock;
        _logger = logger;
        var ceiling = Math.Max(settings.Value.MaxEntries, 10);
        _networkCapacity = ceiling / 10;
        _clientCapacity = ceiling - _networkCapacity;
        var every = TimeSpan.FromSeconds(Math.Max(settings.Value.SweepSeconds, 1));
        _sweep = clock.CreateTimer(_ => Sweep(), null, every, every);
    }

    /// <summary>One count: a bucket, and the keyed hash of a client (or, when the table is full, of its wider network).</summary>
    private readonly record struct Key(string Bucket, UInt128 Client, bool Network)
    {
        public override string ToString() => $"{Bucket}:{(Network ? "net:" : "")}{Client:x32}";
    }

    private sealed class Counter(DateTimeOffset windowStart)
    {
        public DateTimeOffset WindowStart { get; set; } = windowStart;

        public int Count { get; set; }
    }

    /// <summary>The counts held now: never more than <see cref="ClientLimiterSettings.MaxEntries"/>.</summary>
    public int Count => Volatile.Read(ref _clients) + Volatile.Read(ref _networks);

    public bool IsLimited(HttpContext context, string bucket, int limit)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = _clock.GetUtcNow();
        var address = context.Connection.RemoteIpAddress;
        return Over(new Key(bucket, Digest(address, network: false), false), now, limit)
            || (Volatile.Read(ref _networks) > 0 && Over(new Key(bucket, Digest(address, network: true), true), now, limit));
    }

    public void Record(HttpContext context, string bucket)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = _clock.GetUtcNow();
        var address = context.Connection.RemoteIpAddress;
        var counter = Find(new Key(bucket, Digest(address, network: false), false), now, ref _clients, _clientCapacity);
        if (counter is null && Volatile.Read(ref _networks) > 0)
        {
            // Already counted under its network since the table filled: keep counting there.
            _counters.TryGetValue(new Key(bucket, Digest(address, network: true), true), out counter);
        }

        counter ??= Find(new Key(bucket, Digest(address, network: true), true), now, ref _networks, _networkCapacity);
        if (counter is null)
        {
            // Told by the sweep, not here: a log line written on this request would date it.
            Interlocked.Increment(ref _uncounted);
            return;
        }

        lock (counter)
        {
            if (now - counter.WindowStart >= Window)
            {
                counter.WindowStart = now;
                counter.Count = 0;
            }

            counter.Count++;
        }
    }

    public void Dispose() => _sweep.Dispose();

    private bool Over(Key key, DateTimeOffset now, int limit)
    {
        if (!_counters.TryGetValue(key, out var counter))
        {
            return false;
        }

        lock (counter)
        {
            return now - counter.WindowStart < Window && counter.Count >= limit;
        }
    }

    /// <summary>The key's counter, added if there is room; null when its part of the table is full.</summary>
    private Counter? Find(Key key, DateTimeOffset now, ref int held, int capacity)
    {
        if (_counters.TryGetValue(key, out var counter))
        {
            return counter;
        }

        if (Interlocked.Increment(ref held) > capacity)
        {
            Interlocked.Decrement(ref held);
            return null;
        }

        var added = new Counter(now);
        if (_counters.TryAdd(key, added))
        {
            return added;
        }

        Interlocked.Decrement(ref held);
        return _counters.TryGetValue(key, out counter) ? counter : null;
    }

    /// <summary>Removes the counts whose hour has ended: on a timer, so no request waits for it.</summary>
    private void Sweep()
    {
        var now = _clock.GetUtcNow();
        WarnIfFull(now);
        foreach (var (key, counter) in _counters)
        {
            bool expired;
            lock (counter)
            {
                expired = now - counter.WindowStart >= Window;
            }

            if (expired && _counters.TryRemove(new KeyValuePair<Key, Counter>(key, counter)))
            {
                Interlocked.Decrement(ref key.Network ? ref _networks : ref _clients);
            }
        }
    }

    /// <summary>At most once an hour, and only from the sweep: how many clients went uncounted, never which or when.</summary>
    private void WarnIfFull(DateTimeOffset now)
    {
        if (Volatile.Read(ref _uncounted) == 0 || now - _lastWarned < Window)
        {
            return;
        }

        _lastWarned = now;
        var uncounted = Interlocked.Exchange(ref _uncounted, 0);
        _logger.LogWarning("The client limiter is full ({Count} counts): {Uncounted} new clients were not counted; they will be once counts expire", Count, uncounted);
    }

    /// <summary>
    /// The keyed hash of a client: an IPv4 address, or the /64 of an IPv6 one; with <paramref name="network"/>,
    /// the wider network it is counted under when the table is full (IPv4 /24, IPv6 /48).
    /// </summary>
    private UInt128 Digest(IPAddress? address, bool network)
    {
        Span<byte> client = stackalloc byte[17];
        var length = 1;
        if (address is not null)
        {
            if (address.IsIPv4MappedToIPv6)
            {
                address = address.MapToIPv4();
            }

            client[0] = address.AddressFamily == AddressFamily.InterNetwork ? (byte)4 : (byte)6;
            address.TryWriteBytes(client[1..], out var written);
            length = 1 + (address.AddressFamily, network) switch
            {
                (AddressFamily.InterNetwork, false) => 4,
                (AddressFamily.InterNetwork, true) => 3,
                (_, false) => Math.Min(written, 8),
                _ => Math.Min(written, 6),
            };
        }

        Span<byte> digest = stackalloc byte[32];
        HMACSHA256.HashData(_key, client[..length], digest);
        return BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }
}
