using InterviewBot.Chat.Commands;
using InterviewBot.Retrieval;

namespace InterviewBot.Chat.Operations;

/// <summary>Length limits on every text field of a chat request, whatever the platform (Discord options are limited at
/// registration too, but an old registration or a crafted request is not), each with a message for the user. Request
/// bodies are limited before this (<c>Discord:MaxBodyBytes</c>, <c>Slack:MaxBodyBytes</c>).</summary>
internal static class InputLimits
{
    /// <summary>A speaker's name (Discord autocomplete values are at most 100 characters too).</summary>
    public const int MaxSpeaker = 100;

    /// <summary>An interview id or title.</summary>
    public const int MaxInterview = 200;

    /// <summary>An IANA time zone; the longest is 32 characters.</summary>
    public const int MaxTimeZone = 64;

    /// <summary>HH:mm, with room for a stray space or seconds.</summary>
    public const int MaxTime = 8;

    /// <summary>What is wrong with the request's fields, or null when they are all within their limits.</summary>
    public static string? Problem(ChatRequest request) => request switch
    {
        AskRequest ask => ChatRouter.Invalid(ask.Question) ?? TooLong("speaker name", ask.Speaker, MaxSpeaker),
        QuoteRequest quote => TooLong("speaker name", quote.Speaker, MaxSpeaker)
            ?? TooLong("interview", quote.InterviewId, MaxInterview)
            ?? TooLong("search", quote.Search, Retriever.MaxQuestionLength),
        QotdRequest qotd => TooLong("time", qotd.Time, MaxTime, "use HH:mm, for example 08:30")
            ?? TooLong("time zone", qotd.TimeZone, MaxTimeZone, "use an IANA time zone such as Europe/London")
            ?? TooLong("speaker name", qotd.Speaker, MaxSpeaker)
            ?? TooLong("interview", qotd.Interview, MaxInterview),
        _ => null,
    };

    private static string? TooLong(string field, string? value, int max, string? hint = null)
    {
        var length = value?.Trim().Length ?? 0;
        return length <= max ? null
            : $"That {field} is {length} characters long; please keep it to {max} or fewer" + (hint is null ? "." : $" ({hint}).");
    }
}
