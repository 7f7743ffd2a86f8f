using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FailingWell.Tests.Support;

/// <summary>Every log line the application writes, with its category, for tests to read.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    public string AllText => string.Join('\n', _lines.Select(l => $"{l.Category} {l.Level} {l.Message} {l.Exception}"));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // Structured values as well as the message: a value logged but not shown still leaks.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            lines.Enqueue(new LogLine(category, logLevel, formatter(state, exception) + " " + values, exception?.ToString()));
        }
    }
}

public sealed record LogLine(string Category, LogLevel Level, string Message, string? Exception);
