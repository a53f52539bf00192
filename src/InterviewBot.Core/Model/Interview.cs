namespace InterviewBot.Core.Model;

/// <summary>Who a turn belongs to in the conversation.</summary>
public enum SpeakerRole
{
    Interviewer,
    Interviewee,
    Narrator,
}

/// <summary>One sentence of a turn, verbatim from the source (whitespace normalised), with the caption or inline
/// timestamp that is in force where it starts, if the source has one.</summary>
public sealed record Sentence(string Text, TimeSpan? Start = null);

/// <summary>One uninterrupted contribution by one speaker.</summary>
/// <param name="Index">Position of the turn in its interview.</param>
/// <param name="Speaker">The speaker's display name (resolved from labels and metadata).</param>
/// <param name="Role">Interviewer, interviewee or narrator.</param>
/// <param name="Sentences">The turn's sentences in order.</param>
/// <param name="Context">For an answer: the interviewer's question (and any follow-up remarks) it answers.</param>
public sealed record Turn(int Index, string Speaker, SpeakerRole Role, IReadOnlyList<Sentence> Sentences, string? Context = null)
{
    public string Text => string.Join(' ', Sentences.Select(s => s.Text));
}

/// <summary>A parsed interview: its metadata and its turns. Furniture (navigation, ads, captions) is already gone.</summary>
public sealed record Interview(InterviewMetadata Metadata, string SourcePath, IReadOnlyList<Turn> Turns)
{
    public string Id => Metadata.Id;
}

/// <summary>A transcript that could not be loaded, with the reason.</summary>
public sealed record SkippedFile(string Path, string Reason);

/// <summary>Everything loaded from one or more corpus directories.</summary>
public sealed record Corpus(IReadOnlyList<Interview> Interviews, IReadOnlyList<SkippedFile> Skipped)
{
    public static Corpus Empty { get; } = new([], []);
}
