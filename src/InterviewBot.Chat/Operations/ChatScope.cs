using InterviewBot.Chat.Commands;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Chat.Operations;

/// <summary>The logging scope of one chat request: <c>{CorrelationId, Platform}</c> on every log line written while it
/// is handled, whichever logger writes it (scopes flow with the async context). Adapters open it as soon as they know
/// the request, and the router opens it too (for callers that did not); a scope already open for the same correlation
/// id is not opened twice.</summary>
internal static class ChatScope
{
    private static readonly AsyncLocal<string?> Current = new();

    private static readonly Func<ILogger, string, string, IDisposable?> Scope =
        LoggerMessage.DefineScope<string, string>("{Platform} request {CorrelationId}");

    public static IDisposable? Begin(ILogger logger, ChatContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Current.Value == context.CorrelationId)
        {
            return null;
        }

        var previous = Current.Value;
        Current.Value = context.CorrelationId;
        return new Opened(previous, Scope(logger, context.Platform, context.CorrelationId));
    }

    private sealed class Opened(string? previous, IDisposable? scope) : IDisposable
    {
        public void Dispose()
        {
            scope?.Dispose();
            Current.Value = previous;
        }
    }
}
