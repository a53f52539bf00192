using System.Text;
using InterviewBot.Core.Model;
using InterviewBot.Core.Text;

namespace InterviewBot.Core.Parsing;

/// <summary>Reads WebVTT and SRT captions into turns. A turn ends where the <c>&lt;v Name&gt;</c> voice changes or at a
/// "- " speaker-change marker (at the start of a cue line, or mid-line right after a sentence end). Each turn is one
/// paragraph with a <see cref="TimeMark"/> where each cue's text begins.</summary>
public sealed class CaptionParser : ITranscriptParser
{
    /// <summary>A voiceless turn this short that ends with a question is taken to be the interviewer's.</summary>
    private const int MaxQuestionWords = 40;

    public ParsedTranscript Parse(string text, InterviewMetadata? metadata)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cues = CaptionCues.Read(text, out var title);
        var builder = new CueTurnBuilder();
        IReadOnlyList<CuePiece> previous = [];
        foreach (var cue in cues)
        {
            // Rolling auto-captions repeat the previous cue's lines before adding new ones: drop the repeat.
            var markPending = true;
            for (var p = Overlap(previous, cue.Pieces); p < cue.Pieces.Count; p++)
            {
                builder.Add(cue.Pieces[p], cue.Start, ref markPending);
            }

            previous = cue.Pieces;
        }

        var turns = builder.Finish();
        if (turns.Count == 0)
        {
            throw new TranscriptFormatException("The caption cues hold no text.");
        }

        var hints = title is null ? MetadataHints.None : new MetadataHints { Title = title };
        if (turns.All(t => t.Label is null))
        {
            var (guest, host) = Vocatives.Infer(turns.SelectMany(t => t.Paragraphs));
            if (guest is not null || host is not null)
            {
                hints = hints with { Interviewees = guest is null ? [] : [guest], Interviewers = host is null ? [] : [host] };
            }
        }

        return new ParsedTranscript(turns, hints);
    }

    /// <summary>The largest k such that the first k pieces of <paramref name="current"/> repeat the last k of
    /// <paramref name="previous"/>.</summary>
    private static int Overlap(IReadOnlyList<CuePiece> previous, IReadOnlyList<CuePiece> current)
    {
        for (var k = Math.Min(previous.Count, current.Count); k > 0; k--)
        {
            var i = 0;
            while (i < k && previous[previous.Count - k + i] == current[i])
            {
                i++;
            }

            if (i == k)
            {
                return k;
            }
        }

        return 0;
    }

    /// <summary>Index of the space before a mid-text " - " turn marker at or after <paramref name="from"/>, or -1. The
    /// marker must follow a sentence end (. ? ! …, maybe then a closing quote) or an interruption (-- or —).</summary>
    private static int NextMarker(string text, int from)
    {
        for (var i = text.IndexOf(" - ", from, StringComparison.Ordinal); i > 0; i = text.IndexOf(" - ", i + 1, StringComparison.Ordinal))
        {
            var j = i - 1;
            while (j > 0 && text[j] is '"' or '”' or '’' or '\'' or ')' or ']')
            {
                j--;
            }

            if (text[j] is '.' or '?' or '!' or '…' or '—' || (text[j] == '-' && j > 0 && text[j - 1] == '-'))
            {
                return i;
            }
        }

        return -1;
    }

    private static SpeakerRole GuessRole(string text)
    {
        var end = text.AsSpan().TrimEnd("\"”’')]");
        return end.Length > 0 && end[^1] == '?' && TextNormalizer.WordCount(text) <= MaxQuestionWords
            ? SpeakerRole.Interviewer
            : SpeakerRole.Interviewee;
    }

    /// <summary>Accumulates cue text into the current turn and closes turns at speaker changes.</summary>
    private sealed class CueTurnBuilder
    {
        private readonly List<RawTurn> turns = [];
        private readonly StringBuilder text = new();
        private List<TimeMark> marks = [];
        private string? label;

        public void Add(CuePiece piece, TimeSpan cueStart, ref bool markPending)
        {
            if (piece.Voice is not null && piece.Voice != label)
            {
                Break(piece.Voice);
            }

            var s = piece.Text;
            var from = 0;
            if (s == "-" || s.StartsWith("- ", StringComparison.Ordinal))
            {
                Break(piece.Voice);
                from = Math.Min(2, s.Length);
            }

            while (true)
            {
                var marker = NextMarker(s, from);
                Append(s.AsSpan(from, (marker < 0 ? s.Length : marker) - from), cueStart, ref markPending);
                if (marker < 0)
                {
                    return;
                }

                Break(piece.Voice);
                from = marker + 3;
            }
        }

        public List<RawTurn> Finish()
        {
            Break(null);
            return turns;
        }

        private void Append(ReadOnlySpan<char> part, TimeSpan time, ref bool markPending)
        {
            if (part.IsEmpty)
            {
                return;
            }

            if (text.Length > 0)
            {
                text.Append(' ');
            }

            // Every cue's first text gets its start time, and so does a turn that begins mid-cue.
            if (markPending || text.Length == 0)
            {
                marks.Add(new TimeMark(text.Length, time));
                markPending = false;
            }

            text.Append(part);
        }

        private void Break(string? nextLabel)
        {
            if (text.Length > 0)
            {
                var turnText = text.ToString();
                turns.Add(new RawTurn(label, label is null ? GuessRole(turnText) : null, [new Paragraph(turnText, marks)]));
                text.Clear();
                marks = [];
            }

            label = nextLabel;
        }
    }
}
