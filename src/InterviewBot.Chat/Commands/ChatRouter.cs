using InterviewBot.Chat.Library;
using InterviewBot.Retrieval;
using InterviewBot.Retrieval.Quotes;

namespace InterviewBot.Chat.Commands;

/// <summary>Answers <see cref="ChatRequest"/>s from the current library. Never knows which platform asked (the
/// <see cref="ChatContext"/> only labels metrics, keys rate limits and tags logs); never throws for bad input (it
/// answers with a notice instead: see <see cref="Operations.InputLimits"/>). <c>/qotd</c> goes to <paramref name="qotd"/>
/// when the host has a quote-of-the-day store; without one it shows the quote of the day for the UTC date. With
/// <paramref name="operations"/> (the host registers it) each request is rate limited, measured and logged in a
/// correlation scope.</summary>
public sealed class ChatRouter(LibraryHolder library, TimeProvider time, Qotd.QotdDesk? qotd = null, Operations.ChatOperations? operations = null)
{
    public const int PageSize = 3;

    /// <summary>How many sentences of the answer to show on each side of a quote in its context.</summary>
    private const int ContextSentences = 3;

    /// <summary>Answers a request from nowhere in particular (<see cref="ChatContext.Anonymous"/>): no rate limit.</summary>
    public Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken = default) =>
        HandleAsync(request, ChatContext.Anonymous(), cancellationToken);

    /// <summary>Answers a request from a platform: see <see cref="Operations.ChatOperations"/> for what happens around it.</summary>
    public Task<ChatReply> HandleAsync(ChatRequest request, ChatContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return operations is null ? RouteAsync(request, context, cancellationToken) : operations.RunAsync(request, context, RouteAsync, cancellationToken);
    }

    private async Task<ChatReply> RouteAsync(ChatRequest request, ChatContext context, CancellationToken cancellationToken)
    {
        // A request that arrives while the corpus is first loading waits for it (Discord defers, Slack has acked).
        await library.WhenLoaded.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await DispatchAsync(request, context, cancellationToken).ConfigureAwait(false);
    }

    private Task<ChatReply> DispatchAsync(ChatRequest request, ChatContext context, CancellationToken cancellationToken) => request switch
    {
        _ when Operations.InputLimits.Problem(request) is { } problem => Task.FromResult(ChatReply.Note(problem)),
        AskRequest ask => AskAsync(ask, context, cancellationToken),
        QuoteRequest quote => QuoteAsync(quote, context, cancellationToken),
        QotdRequest q when qotd is not null => qotd.HandleAsync(q, cancellationToken),
        QotdRequest { Action: QotdAction.Show } => Task.FromResult(Qotd.QotdDesk.Global(library.Current, time.GetUtcNow())),
        QotdRequest => Task.FromResult(ChatReply.Note("The quote of the day cannot be set up here: this bot has no quote-of-the-day store.")),
        ContextRequest c => Task.FromResult(Context(c)),
        HelpRequest help => Task.FromResult(ChatReply.Note(help.Text)),
        _ => throw new ArgumentOutOfRangeException(nameof(request), request.GetType().Name, "unknown chat request"),
    };

    /// <summary>Why a question cannot be asked as it is, or null when it can.</summary>
    public static string? Invalid(string question) => question.Trim().Length switch
    {
        0 => "Ask me a question about the interviews, for example: why is Heat still the touchstone for action movies?",
        > Retriever.MaxQuestionLength => $"That question is {question.Trim().Length} characters long; please keep it under {Retriever.MaxQuestionLength}.",
        _ => null,
    };

    /// <summary>What the bot says when it abstains, on every surface (chat and the command line).</summary>
    public static string NoAnswer(Answer answer) => answer.Unmatched is { } name
        ? $"The interviews never mention “{name}”, so I can't answer that."
        : "I couldn't find anything in the interviews that answers that.";

    private async Task<ChatReply> AskAsync(AskRequest ask, ChatContext context, CancellationToken cancellationToken)
    {
        var lib = library.Current;
        if (ask.Speaker is { } speaker && !lib.Speakers.Any(s => Retriever.SpeakerMatches(s, speaker)))
        {
            return ChatReply.Note($"No one called “{speaker}” speaks in these interviews.");
        }

        // One more than a page tells whether a "More quotes" button has anything behind it.
        var answer = await RetrieveAsync(lib, new SearchRequest(ask.Question, PageSize + 1, ask.Speaker, Skip: ask.Skip), context, cancellationToken)
            .ConfigureAwait(false);
        if (answer.Quotes.Count == 0)
        {
            return ChatReply.Note(ask.Skip > 0 ? "There are no more quotes for that question." : NoAnswer(answer));
        }

        return new ChatReply
        {
            Heading = ask.Question.Trim(),
            Quotes = answer.Quotes.Take(PageSize).ToList(),
            More = answer.Quotes.Count > PageSize ? ask with { Skip = ask.Skip + PageSize } : null,
            Asked = ask,
        };
    }

    private async Task<ChatReply> QuoteAsync(QuoteRequest request, ChatContext context, CancellationToken cancellationToken)
    {
        var lib = library.Current;
        var interviewId = request.InterviewId;
        if (interviewId is not null)
        {
            var interview = lib.InterviewById(interviewId) ?? lib.Corpus.Interviews.FirstOrDefault(i => i.Metadata.Title.Equals(interviewId, StringComparison.OrdinalIgnoreCase));
            if (interview is null)
            {
                return ChatReply.Note($"There is no interview “{interviewId}”.");
            }

            interviewId = interview.Id;
        }

        Quote? quote;
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            if (Invalid(request.Search) is { } problem)
            {
                return ChatReply.Note(problem);
            }

            var answer = await RetrieveAsync(lib, new SearchRequest(request.Search, 1, request.Speaker, interviewId), context, cancellationToken).ConfigureAwait(false);
            quote = answer.Quotes.FirstOrDefault();
        }
        else
        {
            quote = lib.Book.Random(Random.Shared, request.Speaker, interviewId);
        }

        return quote is null ? ChatReply.Note("No quote matches that.") : new ChatReply { Quotes = [quote] };
    }

    /// <summary>Retrieval, timed for the retrieval-latency histogram.</summary>
    private async Task<Answer> RetrieveAsync(QuoteLibrary lib, SearchRequest search, ChatContext context, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return await lib.Retriever.AskAsync(search, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            operations?.Metrics.Retrieved(context.Platform, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    private ChatReply Context(ContextRequest request)
    {
        var lib = library.Current;
        var interview = lib.InterviewByKey(request.InterviewKey);
        if (interview is null || request.Turn < 0 || request.Turn >= interview.Turns.Count)
        {
            return ChatReply.Note("That quote is no longer in the interviews.");
        }

        var turn = interview.Turns[request.Turn];
        var first = Math.Clamp(request.FirstSentence, 0, turn.Sentences.Count - 1);
        var count = Math.Clamp(request.SentenceCount, 1, turn.Sentences.Count - first);
        var quote = lib.Book.ToQuote(new QuoteLocation(interview.Id, turn.Index, first, count));
        if (request.Check is { } check && !string.Equals(check, QuoteLibrary.CheckOf(quote.Text), StringComparison.OrdinalIgnoreCase))
        {
            return ChatReply.Note("That quote is no longer in the interviews: the transcript has changed since. Ask again for the current quotes.");
        }

        var before = Join(turn.Sentences.Skip(Math.Max(0, first - ContextSentences)).Take(Math.Min(first, ContextSentences)), first > ContextSentences);
        var after = Join(turn.Sentences.Skip(first + count).Take(ContextSentences), false);
        if (after.Length > 0 && first + count + ContextSentences < turn.Sentences.Count)
        {
            after += " …";
        }

        return new ChatReply { Context = new QuoteContext(quote, turn.Context, before, after), Ephemeral = true };
    }

    private static string Join(IEnumerable<Core.Model.Sentence> sentences, bool cut)
    {
        var text = string.Join(' ', sentences.Select(s => s.Text));
        return cut && text.Length > 0 ? "… " + text : text;
    }
}
