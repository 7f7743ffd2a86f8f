using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FailingWell.Web.Infrastructure.Telemetry;

/// <summary>
/// One activity and one duration measurement per database command, with the provider and the
/// operation (the SQL's first keyword) only: never the SQL text or its parameters, which can hold what a
/// reporter wrote. Nothing at all is made for a command run under an anonymous request: a metric is
/// not sampled like a span, so a duration recorded there would date the submission to the export interval.
/// </summary>
public sealed class DatabaseCommandTelemetry : DbCommandInterceptor, IDisposable
{
    private readonly Meter _meter;
    private readonly Histogram<double> _duration;
    private readonly IHttpContextAccessor _http;

    public DatabaseCommandTelemetry(IMeterFactory meters, IHttpContextAccessor http)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _http = http;
        _meter = meters.Create(FailingWellTelemetry.DatabaseMeterName);
        _duration = _meter.CreateHistogram<double>("db.client.operation.duration", unit: "s", description: "Duration of database commands");
    }

    /// <summary>Tests switch this guard off to show that it is needed.</summary>
    internal bool GuardsAnonymousRequests { get; set; } = true;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Start(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Start(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Start(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Start(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Start(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Start(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Stop(eventData, null);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Stop(eventData, null);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Stop(eventData, null);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Stop(eventData, null);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Stop(eventData, null);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Stop(eventData, null);
        return ValueTask.FromResult(result);
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Stop(eventData, null);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(eventData, null);
        return Task.CompletedTask;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Stop(eventData, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(eventData, eventData.Exception);
        return Task.CompletedTask;
    }

    private void Start(DbCommand command, CommandEventData eventData)
    {
        if (GuardsAnonymousRequests && InAnonymousRequest())
        {
            return;
        }

        var system = SystemName(eventData.Context?.Database.ProviderName);
        var operation = Operation(command.CommandText);
        var activity = FailingWellTelemetry.Source.StartActivity($"{operation} {system}", ActivityKind.Client);
        activity?.SetTag("db.system.name", system);
        activity?.SetTag("db.operation.name", operation);
        _running[eventData.CommandId] = new Measurement(activity, Stopwatch.GetTimestamp(), system, operation);
    }

    private void Stop(CommandEndEventData eventData, Exception? exception)
    {
        if (!_running.TryRemove(eventData.CommandId, out var running))
        {
            return;
        }

        var elapsed = Stopwatch.GetElapsedTime(running.Started).TotalSeconds;
        _duration.Record(elapsed, new("db.system.name", running.System), new("db.operation.name", running.Operation));
        if (running.Activity is { } activity)
        {
            if (exception is not null)
            {
                // The type only: a provider's message can quote the command's values.
                activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            }

            activity.Stop();
        }
    }

    private bool InAnonymousRequest() =>
        AnonymousRequests.IsMarked(Activity.Current) || _http.HttpContext?.Items.ContainsKey(AnonymousRequests.Mark) == true;

    private static string SystemName(string? provider) => provider switch
    {
        null => "other_sql",
        _ when provider.Contains("Sqlite", StringComparison.Ordinal) => "sqlite",
        _ when provider.Contains("Npgsql", StringComparison.Ordinal) => "postgresql",
        _ when provider.Contains("SqlServer", StringComparison.Ordinal) => "microsoft.sql_server",
        _ => "other_sql",
    };

    /// <summary>The command's first keyword (SELECT, INSERT...), from a fixed list; anything else is "OTHER".</summary>
    internal static string Operation(string? sql)
    {
        var text = (sql ?? "").TrimStart();
        var end = 0;
        while (end < text.Length && char.IsAsciiLetter(text[end]))
        {
            end++;
        }

        var word = text[..end].ToUpperInvariant();
        return word is "SELECT" or "INSERT" or "UPDATE" or "DELETE" or "WITH" or "BEGIN" or "COMMIT" or "ROLLBACK"
            or "CREATE" or "ALTER" or "DROP" or "PRAGMA" or "SAVEPOINT" or "RELEASE" or "MERGE" or "COPY" or "LOCK" or "SET"
            ? word
            : "OTHER";
    }

    // Keyed by EF's command id: a command starts and ends in one async flow, but the interceptor is shared.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Measurement> _running = new();

    private sealed record Measurement(Activity? Activity, long Started, string System, string Operation);

    public void Dispose() => _meter.Dispose();
}
