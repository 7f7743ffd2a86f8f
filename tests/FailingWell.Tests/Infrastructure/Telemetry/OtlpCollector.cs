using System.Net.Sockets;
using System.Text;

namespace FailingWell.Tests.Infrastructure.Telemetry;

/// <summary>
/// An OTLP/HTTP collector in the test process: accepts protobuf exports of traces and metrics and
/// decodes the fields the tests read (span names, times, attributes; metric names, points, counts).
/// The OTLP message types are not in a package served here, and the exporter sends protobuf only, so
/// the wire format is read by hand: varints, fixed 64-bit numbers and length-delimited fields.
/// </summary>
public sealed class OtlpCollector : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<Span> _spans = [];
    private readonly List<MetricPoint> _points = [];
    private readonly Task _loop;

    public OtlpCollector()
    {
        var port = FreePort();
        Endpoint = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Endpoint);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    public IReadOnlyList<Span> Spans
    {
        get { lock (_spans) { return [.. _spans]; } }
    }

    public IReadOnlyList<MetricPoint> Points
    {
        get { lock (_points) { return [.. _points]; } }
    }

    /// <summary>
    /// Spans a request made: the server spans, and spans whose parent was not exported (a child of
    /// an unrecorded request). Background services' own database work starts traces of its own.
    /// </summary>
    public IReadOnlyList<Span> RequestSpans()
    {
        var spans = Spans;
        var exported = spans.Select(s => s.SpanId).ToHashSet();
        return [.. spans.Where(s => s.Scope == "Microsoft.AspNetCore" || (s.ParentId.Length > 0 && !exported.Contains(s.ParentId)))];
    }

    public void Clear()
    {
        lock (_spans) { _spans.Clear(); }
        lock (_points) { _points.Clear(); }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var bytes = body.ToArray();
            var path = context.Request.Url?.AbsolutePath ?? "";
            if (path.EndsWith("/v1/traces", StringComparison.Ordinal))
            {
                var spans = ReadTraces(bytes);
                lock (_spans) { _spans.AddRange(spans); }
            }
            else if (path.EndsWith("/v1/metrics", StringComparison.Ordinal))
            {
                var points = ReadMetrics(bytes);
                lock (_points) { _points.AddRange(points); }
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    // ExportTraceServiceRequest: 1 resource_spans { 2 scope_spans { 1 scope { 1 name } 2 spans } }
    private static List<Span> ReadTraces(byte[] message)
    {
        var spans = new List<Span>();
        foreach (var resourceSpans in Fields(message).Where(f => f.Number == 1))
        {
            foreach (var scopeSpans in Fields(resourceSpans.Bytes).Where(f => f.Number == 2))
            {
                var scope = ScopeName(scopeSpans.Bytes);
                foreach (var span in Fields(scopeSpans.Bytes).Where(f => f.Number == 2))
                {
                    spans.Add(ReadSpan(scope, span.Bytes));
                }
            }
        }

        return spans;
    }

    // Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 6 kind, 7 start, 8 end, 9 attributes
    private static Span ReadSpan(string scope, byte[] bytes)
    {
        var fields = Fields(bytes);
        return new Span(
            scope,
            Text(fields.FirstOrDefault(f => f.Number == 5)?.Bytes),
            Convert.ToHexString(fields.FirstOrDefault(f => f.Number == 1)?.Bytes ?? []),
            Convert.ToHexString(fields.FirstOrDefault(f => f.Number == 2)?.Bytes ?? []),
            Convert.ToHexString(fields.FirstOrDefault(f => f.Number == 4)?.Bytes ?? []),
            fields.FirstOrDefault(f => f.Number == 7)?.Number64 ?? 0,
            Attributes(fields.Where(f => f.Number == 9)));
    }

    // ExportMetricsServiceRequest: 1 resource_metrics { 2 scope_metrics { 1 scope 2 metrics } }
    // Metric: 1 name, 5 gauge, 7 sum, 9 histogram; each with 1 data_points.
    private static List<MetricPoint> ReadMetrics(byte[] message)
    {
        var points = new List<MetricPoint>();
        foreach (var resourceMetrics in Fields(message).Where(f => f.Number == 1))
        {
            foreach (var scopeMetrics in Fields(resourceMetrics.Bytes).Where(f => f.Number == 2))
            {
                var scope = ScopeName(scopeMetrics.Bytes);
                foreach (var metric in Fields(scopeMetrics.Bytes).Where(f => f.Number == 2))
                {
                    var fields = Fields(metric.Bytes);
                    var name = Text(fields.FirstOrDefault(f => f.Number == 1)?.Bytes);
                    foreach (var data in fields.Where(f => f.Number is 5 or 7 or 9))
                    {
                        foreach (var point in Fields(data.Bytes).Where(f => f.Number == 1))
                        {
                            points.Add(ReadPoint(scope, name, data.Number == 9, point.Bytes));
                        }
                    }
                }
            }
        }

        return points;
    }

    // NumberDataPoint: 7 attributes, 2 start, 3 time, 4 as_double, 6 as_int.
    // HistogramDataPoint: 9 attributes, 2 start, 3 time, 4 count, 5 sum.
    private static MetricPoint ReadPoint(string scope, string name, bool histogram, byte[] bytes)
    {
        var fields = Fields(bytes);
        var time = fields.FirstOrDefault(f => f.Number == 3)?.Number64 ?? 0;
        if (histogram)
        {
            var count = (long)(fields.FirstOrDefault(f => f.Number == 4)?.Number64 ?? 0);
            return new MetricPoint(scope, name, time, count, Attributes(fields.Where(f => f.Number == 9)));
        }

        var value = fields.FirstOrDefault(f => f.Number == 6) is { } whole
            ? (double)(long)whole.Number64
            : BitConverter.UInt64BitsToDouble(fields.FirstOrDefault(f => f.Number == 4)?.Number64 ?? 0);
        return new MetricPoint(scope, name, time, value, Attributes(fields.Where(f => f.Number == 7)));
    }

    private static string ScopeName(byte[] scoped) =>
        Fields(scoped).FirstOrDefault(f => f.Number == 1) is { } scope
            ? Text(Fields(scope.Bytes).FirstOrDefault(f => f.Number == 1)?.Bytes)
            : "";

    // KeyValue: 1 key, 2 AnyValue { 1 string, 2 bool, 3 int, 4 double }
    private static Dictionary<string, string> Attributes(IEnumerable<Field> keyValues)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var keyValue in keyValues)
        {
            var fields = Fields(keyValue.Bytes);
            var key = Text(fields.FirstOrDefault(f => f.Number == 1)?.Bytes);
            var any = fields.FirstOrDefault(f => f.Number == 2);
            var value = any is null ? null : Fields(any.Bytes).FirstOrDefault();
            attributes[key] = value switch
            {
                null => "",
                { Number: 1 } => Text(value.Bytes),
                { Number: 4 } => BitConverter.UInt64BitsToDouble(value.Number64).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => ((long)value.Number64).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        return attributes;
    }

    private static string Text(byte[]? bytes) => bytes is null ? "" : Encoding.UTF8.GetString(bytes);

    private sealed record Field(int Number, ulong Number64, byte[] Bytes);

    private static List<Field> Fields(byte[] bytes)
    {
        var fields = new List<Field>();
        var at = 0;
        while (at < bytes.Length)
        {
            var tag = Varint(bytes, ref at);
            var number = (int)(tag >> 3);
            switch (tag & 7)
            {
                case 0:
                    fields.Add(new Field(number, Varint(bytes, ref at), []));
                    break;
                case 1:
                    fields.Add(new Field(number, BitConverter.ToUInt64(bytes, at), []));
                    at += 8;
                    break;
                case 2:
                    var length = (int)Varint(bytes, ref at);
                    fields.Add(new Field(number, 0, bytes[at..(at + length)]));
                    at += length;
                    break;
                case 5:
                    fields.Add(new Field(number, BitConverter.ToUInt32(bytes, at), []));
                    at += 4;
                    break;
                default:
                    throw new InvalidDataException($"Wire type {tag & 7} is not used by OTLP.");
            }
        }

        return fields;
    }

    private static ulong Varint(byte[] bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }
}

public sealed record Span(string Scope, string Name, string TraceId, string SpanId, string ParentId, ulong StartNanos, IReadOnlyDictionary<string, string> Attributes)
{
    public string Attribute(string key) => Attributes.GetValueOrDefault(key) ?? "";

    public override string ToString() => $"{Scope} {Name} [{string.Join(", ", Attributes.Select(a => $"{a.Key}={a.Value}"))}]";
}

public sealed record MetricPoint(string Scope, string Name, ulong TimeNanos, double Value, IReadOnlyDictionary<string, string> Attributes)
{
    public string Attribute(string key) => Attributes.GetValueOrDefault(key) ?? "";

    public override string ToString() => $"{Scope} {Name}={Value} [{string.Join(", ", Attributes.Select(a => $"{a.Key}={a.Value}"))}]";
}
