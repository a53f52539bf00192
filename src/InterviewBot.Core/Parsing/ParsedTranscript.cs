using InterviewBot.Core.Model;

namespace InterviewBot.Core.Parsing;

/// <summary>A point in a paragraph's text where a caption cue or an inline timestamp begins.</summary>
public sealed record TimeMark(int Offset, TimeSpan Time);

/// <summary>Clean paragraph text (markup and timestamps removed, whitespace normalised) with its time marks.</summary>
public sealed record Paragraph(string Text, IReadOnlyList<TimeMark>? Marks = null);

/// <summary>A turn as a parser sees it: the label written in the source (if any), a role when the format makes it
/// clear (a bold question, a caption question), and its paragraphs.</summary>
public sealed record RawTurn(string? Label, SpeakerRole? Role, IReadOnlyList<Paragraph> Paragraphs);

/// <summary>What a parser found: the turns and whatever metadata the text itself reveals.</summary>
public sealed record ParsedTranscript(IReadOnlyList<RawTurn> Turns, MetadataHints Hints);

/// <summary>Metadata read from the transcript itself (front matter, a title line, a by-line). Sidecar metadata wins.</summary>
public sealed record MetadataHints
{
    public string? Title { get; init; }
    public string? Date { get; init; }
    public string? Author { get; init; }
    public string? Url { get; init; }
    public string? Outlet { get; init; }
    public IReadOnlyList<string> Interviewers { get; init; } = [];
    public IReadOnlyList<string> Interviewees { get; init; } = [];
    /// <summary>Full names seen in the text that labels (initials, surnames, role titles) may refer to.</summary>
    public IReadOnlyList<string> KnownNames { get; init; } = [];
    public IReadOnlyDictionary<string, string> Speakers { get; init; } = new Dictionary<string, string>();
    public static MetadataHints None { get; } = new();
}

/// <summary>Reads one transcript format.</summary>
public interface ITranscriptParser
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="TranscriptFormatException"/> when it is not this format
    /// or holds no turns.</summary>
    ParsedTranscript Parse(string text, InterviewMetadata? metadata);
}

/// <summary>A transcript that cannot be parsed; the message says why.</summary>
public sealed class TranscriptFormatException(string message) : Exception(message);
