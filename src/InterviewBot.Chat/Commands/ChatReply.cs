using InterviewBot.Retrieval.Quotes;

namespace InterviewBot.Chat.Commands;

/// <summary>What the bot answers, whatever the platform; adapters only render it.</summary>
public sealed record ChatReply
{
    /// <summary>What the reply is about: the question, or e.g. "Quote of the day, 23 November 2026".</summary>
    public string? Heading { get; init; }

    /// <summary>A short plain-text message: why nothing was found, or how to use a command.</summary>
    public string? Notice { get; init; }

    public IReadOnlyList<Quote> Quotes { get; init; } = [];

    /// <summary>The request that shows the next page of quotes, when there are more.</summary>
    public AskRequest? More { get; init; }

    /// <summary>For the "Context" button.</summary>
    public QuoteContext? Context { get; init; }

    /// <summary>Only the asker should see it (where the platform allows).</summary>
    public bool Ephemeral { get; init; }

    /// <summary>The request this reply answers, for adapters that keep state in the message (see <see cref="More"/>).</summary>
    public AskRequest? Asked { get; init; }

    public static ChatReply Note(string text) => new() { Notice = text, Ephemeral = true };
}

/// <summary>A quote in its place: the interviewer's question, and the answer's text before and after the quote.</summary>
public sealed record QuoteContext(Quote Quote, string? Question, string Before, string After);
