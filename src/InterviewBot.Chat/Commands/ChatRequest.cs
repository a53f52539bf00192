namespace InterviewBot.Chat.Commands;

/// <summary>What a chat user asked for, whatever the platform. Adapters translate platform events into these.</summary>
public abstract record ChatRequest;

/// <summary>/ask, a mention or a DM; <see cref="Skip"/> pages through more quotes.</summary>
public sealed record AskRequest(string Question, string? Speaker = null, int Skip = 0) : ChatRequest;

/// <summary>/quote: a standalone quote filtered by speaker and interview, or the best match for a search.</summary>
public sealed record QuoteRequest(string? Speaker = null, string? InterviewId = null, string? Search = null) : ChatRequest;

/// <summary>/qotd: today's quote of the day, or managing the channel's daily post.</summary>
/// <param name="Action">What was asked for.</param>
public sealed record QotdRequest(QotdAction Action = QotdAction.Show) : ChatRequest
{
    /// <summary>Where it was asked; null where the platform has no channel to post to.</summary>
    public Store.ChannelRef? Channel { get; init; }

    /// <summary>Who asked (the platform's user id).</summary>
    public string? UserId { get; init; }

    /// <summary>Whether the asker may change the channel's subscription: on Discord, members who can manage the
    /// server; on Slack, workspace admins and owners and the users in <c>Slack:QotdManagers</c>.</summary>
    public bool CanManage { get; init; }

    /// <summary>For <see cref="QotdAction.Subscribe"/>: HH:mm; null keeps the current value (09:00 at first).</summary>
    public string? Time { get; init; }

    /// <summary>For <see cref="QotdAction.Subscribe"/>: an IANA time zone; null keeps the current value (UTC at first).</summary>
    public string? TimeZone { get; init; }

    /// <summary>For <see cref="QotdAction.Subscribe"/>: only quotes by this speaker.</summary>
    public string? Speaker { get; init; }

    /// <summary>For <see cref="QotdAction.Subscribe"/>: only quotes from this interview (id or title).</summary>
    public string? Interview { get; init; }
}

public enum QotdAction
{
    /// <summary>Today's quote (the channel's own when it is subscribed).</summary>
    Show,
    Subscribe,
    Unsubscribe,
    Status,
    /// <summary>Skip the channel's next post.</summary>
    Skip,
    Help,
}

/// <summary>The "Context" button: the question a quote answers and the answer around it.</summary>
/// <param name="InterviewKey">See <see cref="Library.QuoteLibrary.KeyOf"/>.</param>
/// <param name="Check">The quote's <see cref="Library.QuoteLibrary.CheckOf"/> when the button was made: after a corpus
/// reload the same position may hold other words, and then the context is refused rather than shown around them.</param>
public sealed record ContextRequest(string InterviewKey, int Turn, int FirstSentence, int SentenceCount, string? Check = null) : ChatRequest
{
    /// <summary>The request a quote's "Context" button stands for, on every surface.</summary>
    public static ContextRequest For(Retrieval.Quotes.Quote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var at = quote.Location;
        return new ContextRequest(Library.QuoteLibrary.KeyOf(at.InterviewId), at.Turn, at.FirstSentence, at.SentenceCount, Library.QuoteLibrary.CheckOf(quote.Text));
    }
}

/// <summary>A request the adapter could not make sense of; the router answers with <see cref="Text"/>.</summary>
public sealed record HelpRequest(string Text) : ChatRequest;
