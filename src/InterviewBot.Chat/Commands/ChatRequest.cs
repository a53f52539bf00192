namespace InterviewBot.Chat.Commands;

/// <summary>What a chat user asked for, whatever the platform. Adapters translate platform events into these.</summary>
public abstract record ChatRequest;

/// <summary>/ask, a mention or a DM; <see cref="Skip"/> pages through more quotes.</summary>
public sealed record AskRequest(string Question, string? Speaker = null, int Skip = 0) : ChatRequest;

/// <summary>/quote: a standalone quote filtered by speaker and interview, or the best match for a search.</summary>
public sealed record QuoteRequest(string? Speaker = null, string? InterviewId = null, string? Search = null) : ChatRequest;

/// <summary>/qotd: today's quote of the day.</summary>
public sealed record QotdRequest : ChatRequest;

/// <summary>The "Context" button: the question a quote answers and the answer around it.</summary>
/// <param name="InterviewKey">See <see cref="Library.QuoteLibrary.KeyOf"/>.</param>
public sealed record ContextRequest(string InterviewKey, int Turn, int FirstSentence, int SentenceCount) : ChatRequest;

/// <summary>A request the adapter could not make sense of; the router answers with <see cref="Text"/>.</summary>
public sealed record HelpRequest(string Text) : ChatRequest;
