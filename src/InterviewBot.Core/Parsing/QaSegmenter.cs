using System.Text.RegularExpressions;
using InterviewBot.Core.Model;
using InterviewBot.Core.Text;

namespace InterviewBot.Core.Parsing;

/// <summary>Turns the content paragraphs of an unlabelled Q&amp;A article into turns. Before the first question the
/// author narrates; a paragraph ending in a question is the interviewer's; the paragraphs after it are the answer,
/// except short remarks addressed to the interviewee ("He might love it."), which stay the interviewer's.</summary>
internal static partial class QaSegmenter
{
    [GeneratedRegex(@"^(?<label>\p{Lu}[\p{L}'’.-]*( \p{Lu}[\p{L}'’.-]*){0,3}|\p{Lu}{1,4}):\s+(?<text>\S.*)$")]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"\b(i|me|my|mine|myself|i['’](m|ve|d|ll))\b", RegexOptions.IgnoreCase)]
    private static partial Regex FirstPersonSingular();

    [GeneratedRegex(@"\b(you|your|yours|yourself|you['’](re|ve|d|ll))\b", RegexOptions.IgnoreCase)]
    private static partial Regex SecondPerson();

    [GeneratedRegex(@"^(\(laughs?\)|yes|yeah|yep|yup|no|nope|well|sure|right|exactly|absolutely|definitely|oh|ah|ha|haha|hmm|um|uh|indeed|certainly|of course|correct|true|totally)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerOpening();

    /// <summary>Segments paragraphs. <paramref name="interviewees"/> are the interviewees' names, when known: a
    /// paragraph that addresses one of them by first name ("Wonderful Alex. Thank you…") is the interviewer's.</summary>
    public static List<RawTurn> Segment(IReadOnlyList<Paragraph> paragraphs, IReadOnlyList<string>? interviewees = null)
    {
        var vocative = Vocative(interviewees ?? []);
        var turns = new List<RawTurn>();
        var current = new List<Paragraph>();
        string? label = null;
        SpeakerRole? role = null;
        var seenQuestion = false;
        var paragraphsSinceQuestion = 0;

        void Flush()
        {
            if (current.Count > 0 && role is { } r)
            {
                turns.Add(new RawTurn(label, r, current));
            }

            current = [];
            label = null;
        }

        void Start(SpeakerRole r, string? l)
        {
            if (role != r || l != label || (l is not null && current.Count > 0))
            {
                Flush();
            }

            role = r;
            label = l;
        }

        for (var i = 0; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            var labelMatch = LabelPattern().Match(p.Text);
            if (labelMatch.Success && seenQuestion)
            {
                Start(SpeakerRole.Interviewee, labelMatch.Groups["label"].Value);
                current.Add(StripPrefix(p, labelMatch.Groups["text"].Index));
                paragraphsSinceQuestion++;
                continue;
            }

            if (Furniture.EndsWithQuestion(p.Text))
            {
                Start(SpeakerRole.Interviewer, null);
                current.Add(p);
                seenQuestion = true;
                paragraphsSinceQuestion = 0;
                continue;
            }

            if (!seenQuestion)
            {
                Start(SpeakerRole.Narrator, null);
                current.Add(p);
                continue;
            }

            var next = i + 1 < paragraphs.Count ? paragraphs[i + 1].Text : null;
            if (paragraphsSinceQuestion > 0 && (IsInterjection(p.Text, next) || (vocative?.IsMatch(p.Text) ?? false)))
            {
                Start(SpeakerRole.Interviewer, null);
                current.Add(p);
                paragraphsSinceQuestion = 0;
                continue;
            }

            if (role != SpeakerRole.Interviewee)
            {
                Start(SpeakerRole.Interviewee, null);
            }

            current.Add(p);
            paragraphsSinceQuestion++;
        }

        Flush();
        return turns;
    }

    /// <summary>Is this non-question paragraph, inside an answer, a remark by the interviewer? It must be short, not
    /// be about the speaker ("I", "my") more than it addresses the other ("you"), and either address the other,
    /// be very short, or be answered by the next paragraph ("Yeah. ...").</summary>
    internal static bool IsInterjection(string text, string? next)
    {
        var words = TextNormalizer.WordCount(text);
        var sentences = SentenceSplitter.Split(text).Count;
        var nextAnswers = next is not null && AnswerOpening().IsMatch(next.TrimStart());
        var shortEnough = nextAnswers ? sentences <= 3 && words <= 90 : sentences <= 2 && words <= 45;
        if (!shortEnough)
        {
            return false;
        }

        var first = FirstPersonSingular().Count(text);
        var second = SecondPerson().Count(text);
        if (first > 0 && first >= second)
        {
            return false;
        }

        return second > 0 || words <= 8 || nextAnswers;
    }

    /// <summary>A first name used to address someone: followed by a comma or a sentence end, not by a surname.</summary>
    private static Regex? Vocative(IReadOnlyList<string> names)
    {
        var firsts = names.Select(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault())
            .OfType<string>().Where(f => f.Length > 1 && char.IsUpper(f[0])).Select(Regex.Escape).ToList();
        return firsts.Count == 0 ? null : new Regex(@"\b(" + string.Join('|', firsts) + @")[,.!?](\s|$)");
    }

    /// <summary>Finds the "Name:" label at the start of a paragraph, if any.</summary>
    internal static string? LabelOf(string text)
    {
        var m = LabelPattern().Match(text);
        return m.Success ? m.Groups["label"].Value : null;
    }

    private static Paragraph StripPrefix(Paragraph p, int offset) =>
        new(p.Text[offset..], p.Marks?.Where(m => m.Offset >= offset).Select(m => m with { Offset = m.Offset - offset }).ToList());
}
