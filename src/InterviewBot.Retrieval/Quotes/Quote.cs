using InterviewBot.Core.Model;

namespace InterviewBot.Retrieval.Quotes;

/// <summary>Where a quote comes from.</summary>
public sealed record InterviewRef(string Id, string Title, string? Outlet, string? Date, string? Url);

/// <summary>A verbatim quote with its attribution. <see cref="Text"/> is a contiguous span of the source's sentences
/// (whitespace normalised); a cut inside an over-long sentence is marked with "…".</summary>
public sealed record Quote(
    string Text,
    string Speaker,
    SpeakerRole Role,
    InterviewRef Interview,
    TimeSpan? Timestamp,
    double Score,
    string? Context,
    QuoteLocation Location);

/// <summary>Exactly where in the corpus a quote sits: interview, turn and sentence range.</summary>
public sealed record QuoteLocation(string InterviewId, int Turn, int FirstSentence, int SentenceCount);

/// <summary>The answer to a question: quotes best first, or an abstention.</summary>
public sealed record Answer(string Question, bool Answered, IReadOnlyList<Quote> Quotes, double Confidence)
{
    /// <summary>When the bot abstained because the question names something no interview mentions: that name.</summary>
    public string? Unmatched { get; init; }

    public static Answer Abstain(string question, double confidence) => new(question, false, [], confidence);
}
