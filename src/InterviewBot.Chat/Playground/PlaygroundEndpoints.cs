using InterviewBot.Chat.Commands;
using InterviewBot.Chat.Library;
using InterviewBot.Chat.Operations;
using InterviewBot.Retrieval;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Reply = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<InterviewBot.Chat.Playground.PlaygroundReply>, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace InterviewBot.Chat.Playground;

/// <summary>The playground's JSON API (all GET, no request bodies). Every answer comes from the same
/// <see cref="ChatRouter"/> the chat platforms use, as a <see cref="PlaygroundReply"/>; bad input is a 400
/// ProblemDetails (<see cref="PlaygroundInput"/>), and 503 while the corpus is loading. Nothing here writes state:
/// the quote of the day is only ever shown, never subscribed to.</summary>
internal static class PlaygroundEndpoints
{
    /// <summary><c>GET /api/ask?q=…&amp;speaker=…&amp;skip=N</c>: up to <see cref="ChatRouter.PageSize"/> quote cards
    /// answering <c>q</c> (at most <see cref="Retriever.MaxQuestionLength"/> characters), optionally only by
    /// <c>speaker</c>, from result <c>skip</c> on (0–<see cref="PlaygroundInput.MaxSkip"/>); <c>more</c> is the query for
    /// the next page.</summary>
    public static Task<Reply> AskAsync(
        string? q, string? speaker, string? skip, ChatRouter router, LibraryHolder library, HttpContext http)
    {
        var (from, bad) = PlaygroundInput.Number(nameof(skip), skip, 0, PlaygroundInput.MaxSkip, fallback: 0);
        var problem = PlaygroundInput.First(
            PlaygroundInput.Question(nameof(q), q), PlaygroundInput.Field(nameof(speaker), speaker, InputLimits.MaxSpeaker), bad);
        return problem is not null
            ? Task.FromResult<Reply>(problem)
            : AnswerAsync(router, library, new AskRequest(q ?? "", Blank(speaker), from), http);
    }

    /// <summary><c>GET /api/quote?speaker=…&amp;interview=…&amp;q=…</c>: one standalone quote, filtered by speaker and
    /// interview (id or title), or the best match for the words in <c>q</c>.</summary>
    public static Task<Reply> QuoteAsync(
        string? speaker, string? interview, string? q, ChatRouter router, LibraryHolder library, HttpContext http)
    {
        var problem = PlaygroundInput.First(
            PlaygroundInput.Field(nameof(speaker), speaker, InputLimits.MaxSpeaker),
            PlaygroundInput.Field(nameof(interview), interview, InputLimits.MaxInterview),
            PlaygroundInput.Question(nameof(q), q));
        return problem is not null
            ? Task.FromResult<Reply>(problem)
            : AnswerAsync(router, library, new QuoteRequest(Blank(speaker), Blank(interview), Blank(q)), http);
    }

    /// <summary><c>GET /api/qotd</c>: today's quote of the day (the one every unsubscribed place gets).</summary>
    public static Task<Reply> QotdAsync(ChatRouter router, LibraryHolder library, HttpContext http) =>
        AnswerAsync(router, library, new QotdRequest(QotdAction.Show), http);

    /// <summary><c>GET /api/context?key=…&amp;turn=…&amp;first=…&amp;count=…</c> (a card's <c>context</c>): the
    /// interviewer's question and the answer around the quote, as <c>context</c>.</summary>
    public static Task<Reply> ContextAsync(
        string? key, string? turn, string? first, string? count, string? check, ChatRouter router, LibraryHolder library, HttpContext http)
    {
        var t = PlaygroundInput.Number(nameof(turn), turn, 0, PlaygroundInput.MaxPosition);
        var f = PlaygroundInput.Number(nameof(first), first, 0, PlaygroundInput.MaxPosition);
        var c = PlaygroundInput.Number(nameof(count), count, 1, PlaygroundInput.MaxSentences);
        var problem = PlaygroundInput.First(
            string.IsNullOrWhiteSpace(key) ? PlaygroundInput.Bad(nameof(key), "key is required.") : PlaygroundInput.Field(nameof(key), key),
            check is null ? null : PlaygroundInput.Field(nameof(check), check),
            t.Problem, f.Problem, c.Problem);
        return problem is not null
            ? Task.FromResult<Reply>(problem)
            : AnswerAsync(router, library, new ContextRequest(key!, t.Value, f.Value, c.Value, string.IsNullOrWhiteSpace(check) ? null : check), http);
    }

    /// <summary><c>GET /api/speakers?prefix=…</c>: up to 25 interviewees whose name contains <c>prefix</c> (all, up
    /// to 25, without one), as <c>{ "speakers": [...] }</c>.</summary>
    public static Results<JsonHttpResult<SpeakerList>, ProblemHttpResult> Speakers(string? prefix, LibraryHolder library)
    {
        if (PlaygroundInput.Field(nameof(prefix), prefix, InputLimits.MaxSpeaker) is { } problem)
        {
            return problem;
        }

        return library.IsLoaded ? PlaygroundJson.Result(new SpeakerList(library.Current.SpeakersMatching(prefix ?? ""))) : PlaygroundInput.NotReady();
    }

    /// <summary>Asks the router as the <c>playground</c> platform. The caller's IP address stands for the channel, so
    /// each browser's address gets the per-channel rate limit (a refusal is a notice like any other); there is no
    /// user to limit on a page without sign-in (every local tab would share one 127.0.0.1 "user").</summary>
    private static async Task<Reply> AnswerAsync(ChatRouter router, LibraryHolder library, ChatRequest request, HttpContext http)
    {
        if (!library.IsLoaded)
        {
            return PlaygroundInput.NotReady();
        }

        var context = ChatContext.For(ChatContext.Playground, null, http.Connection.RemoteIpAddress?.ToString(), http.TraceIdentifier);
        return PlaygroundJson.Result(PlaygroundReply.From(await router.HandleAsync(request, context, http.RequestAborted).ConfigureAwait(false)));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed record SpeakerList(IReadOnlyList<string> Speakers);
