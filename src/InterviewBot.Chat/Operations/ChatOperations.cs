using System.Diagnostics;
using InterviewBot.Chat.Commands;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Chat.Operations;

/// <summary>What the router does around every chat request (see <see cref="ChatRouter"/>): the logging scope, the rate
/// limit (a refusal is a friendly private reply, never silence), the reply-latency histogram, and the
/// answered/abstained counters.
/// <para>Answered and abstained count questions only: an <see cref="AskRequest"/> for the first page
/// (<c>Skip == 0</c>) whose fields passed the input limits (<see cref="InputLimits"/>: question not empty nor too long,
/// speaker name not too long). It is answered when the reply has at least one
/// quote, and abstained when it has none (no quote matched, or the speaker filter names no one in the interviews).
/// "More quotes" pages, quote lookups, the quote of the day, context, help, input errors (empty or over-long text or
/// fields), rate-limit refusals and failures count as neither.</para></summary>
public sealed partial class ChatOperations
{
    private readonly ChatRateLimiter _limiter;
    private readonly ILogger _logger;

    internal ChatOperations(BotMetrics metrics, ChatRateLimiter limiter, ILogger<ChatOperations> logger)
    {
        Metrics = metrics;
        _limiter = limiter;
        _logger = logger;
    }

    internal BotMetrics Metrics { get; }

    internal async Task<ChatReply> RunAsync(ChatRequest request, ChatContext context,
        Func<ChatRequest, ChatContext, CancellationToken, Task<ChatReply>> handle, CancellationToken cancellationToken)
    {
        using var scope = ChatScope.Begin(_logger, context);
        var kind = Kind(request);
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            if (request is not HelpRequest && _limiter.TryAcquire(context) is { } refusal)
            {
                outcome = "rate limited (" + refusal.Scope + ")";
                Metrics.RateLimited(context.Platform, refusal.Scope);
                return ChatReply.Note(refusal.Message);
            }

            var reply = await handle(request, context, cancellationToken).ConfigureAwait(false);
            outcome = Count(request, context, reply);
            return reply;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            Metrics.Replied(context.Platform, kind, elapsed);
            LogReplied(_logger, context.Platform, kind, outcome, elapsed.TotalMilliseconds);
        }
    }

    /// <summary>The request kind, as the <c>request</c> label of the reply histogram.</summary>
    internal static string Kind(ChatRequest request) => request switch
    {
        AskRequest => "ask",
        QuoteRequest => "quote",
        QotdRequest => "qotd",
        ContextRequest => "context",
        _ => "help",
    };

    private string Count(ChatRequest request, ChatContext context, ChatReply reply)
    {
        if (request is not AskRequest { Skip: 0 } || InputLimits.Problem(request) is not null)
        {
            return reply.Quotes.Count > 0 ? "quotes" : reply.Notice is null ? "reply" : "notice";
        }

        if (reply.Quotes.Count > 0)
        {
            Metrics.Answered(context.Platform);
            return "answered";
        }

        Metrics.Abstained(context.Platform);
        return "abstained";
    }

    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "{Platform} {Request}: {Outcome} in {ElapsedMs:F0} ms")]
    private static partial void LogReplied(ILogger logger, string platform, string request, string outcome, double elapsedMs);
}
