using System.Text.Json.Serialization;
using InterviewBot.Chat.Commands;
using InterviewBot.Core.Model;
using InterviewBot.Retrieval.Quotes;

namespace InterviewBot.Chat.Playground;

/// <summary>A <see cref="ChatReply"/> as JSON: <c>{notice}</c> for the router's notices, otherwise a heading, quote
/// cards, and the cursor for "more quotes"; or, for <c>/api/context</c>, the quote in its context.</summary>
internal sealed record PlaygroundReply(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Heading,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Notice,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<QuoteCard>? Quotes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MoreCursor? More,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ContextCard? Context)
{
    public static PlaygroundReply From(ChatReply reply) => reply.Notice is { } notice
        ? new PlaygroundReply(null, notice, null, null, null)
        : new PlaygroundReply(
            reply.Heading,
            null,
            reply.Context is null ? reply.Quotes.Select(QuoteCard.From).ToList() : null,
            reply.More is { } more ? new MoreCursor(more.Question, more.Speaker, more.Skip) : null,
            reply.Context is { } c ? new ContextCard(QuoteCard.From(c.Quote), c.Question, c.Before, c.After) : null);
}

/// <summary>What a chat platform shows for a quote: the verbatim text, who said it (and their role), the interview,
/// the caption timestamp, the same attribution footer (<see cref="Attribution.Footer"/>), and where to ask for its
/// context.</summary>
/// <param name="Role">interviewee, interviewer or narrator.</param>
/// <param name="Timestamp">h:mm:ss or m:ss into the recording, when the source has captions.</param>
internal sealed record QuoteCard(string Text, string Speaker, string Role, InterviewCard Interview, string? Timestamp, string Footer, ContextLocator Context)
{
    public static QuoteCard From(Quote q) => new(
        q.Text,
        q.Speaker,
        RoleName(q.Role),
        new InterviewCard(q.Interview.Id, q.Interview.Title, q.Interview.Outlet, Attribution.FormatDate(q.Interview.Date), Attribution.Link(q)),
        Attribution.Timestamp(q.Timestamp),
        Attribution.Footer(q),
        ContextLocator.From(ContextRequest.For(q)));

    public static string RoleName(SpeakerRole role) => role switch
    {
        SpeakerRole.Interviewer => "interviewer",
        SpeakerRole.Narrator => "narrator",
        _ => "interviewee",
    };
}

/// <param name="Date">As the platforms show it, e.g. "April 2020".</param>
/// <param name="Url">An absolute http(s) link, else null.</param>
internal sealed record InterviewCard(string Id, string Title, string? Outlet, string? Date, string? Url);

/// <summary>The query of <c>/api/context</c> for a quote: <c>key</c>, <c>turn</c>, <c>first</c>, <c>count</c>, and
/// <c>check</c> (recognises the quote's words after a corpus reload).</summary>
internal sealed record ContextLocator(string Key, int Turn, int First, int Count, string? Check)
{
    public static ContextLocator From(ContextRequest c) => new(c.InterviewKey, c.Turn, c.FirstSentence, c.SentenceCount, c.Check);
}

/// <summary>The query of <c>/api/ask</c> for the next page: <c>q</c>, <c>speaker</c>, <c>skip</c>.</summary>
internal sealed record MoreCursor(string Q, string? Speaker, int Skip);

/// <summary>The interviewer's question a quote answers, and the answer's sentences around the quote.</summary>
internal sealed record ContextCard(QuoteCard Quote, string? Question, string Before, string After);
