using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Chat.Tests.Operations;

/// <summary>One captured log line: its formatted message, the values of its structured state, every scope open when it
/// was written (formatted, and their values), and the exception.</summary>
internal sealed record CapturedLog(string Category, LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, string>> State,
    IReadOnlyList<string> Scopes, IReadOnlyList<KeyValuePair<string, string>> ScopeValues, string? Exception)
{
    /// <summary>Everything about the line as text, for "never contains" checks.</summary>
    public string AllText => string.Join('\n', new[] { Category, Message, Exception ?? "" }
        .Concat(State.Select(p => p.Key + "=" + p.Value)).Concat(Scopes).Concat(ScopeValues.Select(p => p.Key + "=" + p.Value)));

    public string? ScopeValue(string key) => ScopeValues.LastOrDefault(p => p.Key == key).Value;
}

/// <summary>A logger provider that keeps every line at every level, with its scopes (it takes the factory's scope
/// provider, as the console logger does).</summary>
internal sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Lines => [.. _lines];

    public string AllText => string.Join("\n----\n", Lines.Select(l => l.AllText));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static IEnumerable<KeyValuePair<string, string>> Values(object? state) =>
        state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.Select(p => KeyValuePair.Create(p.Key, Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture) ?? ""))
            : [];

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            var scopeValues = new List<KeyValuePair<string, string>>();
            owner._scopes.ForEachScope((scope, _) =>
            {
                scopes.Add(scope?.ToString() ?? "");
                scopeValues.AddRange(Values(scope));
            }, (object?)null);
            owner._lines.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), Values(state).ToList(), scopes, scopeValues,
                exception?.ToString()));
        }
    }
}
