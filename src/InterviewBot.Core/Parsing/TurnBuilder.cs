using InterviewBot.Core.Model;
using InterviewBot.Core.Text;

namespace InterviewBot.Core.Parsing;

/// <summary>Builds the final turns of an interview from what a parser found: roles for labels the format left open,
/// speakers' names, sentences with their timestamps, and each answer's question as context.</summary>
internal static class TurnBuilder
{
    private const int ShortFollowUpWords = 12;

    public static IReadOnlyList<Turn> Build(ParsedTranscript parsed, InterviewMetadata meta)
    {
        var resolver = new NameResolver(meta, parsed.Hints, parsed.Turns);
        var roles = LabelRoles(parsed.Turns, meta, resolver);

        var turns = new List<Turn>();
        string? lastQuestion = null;
        string? previousQuestion = null;
        var followUps = new List<string>();
        foreach (var raw in parsed.Turns)
        {
            var role = raw.Role ?? (raw.Label is { } l ? roles[l] : SpeakerRole.Interviewee);
            var speaker = raw.Label is { } label ? resolver.Resolve(label) : DefaultSpeaker(role, meta);
            var sentences = raw.Paragraphs.SelectMany(Sentences).ToList();
            if (sentences.Count == 0)
            {
                continue;
            }

            string? context = null;
            var text = string.Join(' ', sentences.Select(s => s.Text));
            switch (role)
            {
                case SpeakerRole.Interviewer when Furniture.EndsWithQuestion(text):
                    // A short follow-up ("During this Congress or after the election?") leans on the question
                    // before it, so that one stays in the context too.
                    previousQuestion = TextNormalizer.WordCount(text) <= ShortFollowUpWords ? lastQuestion : null;
                    lastQuestion = text;
                    followUps.Clear();
                    break;
                case SpeakerRole.Interviewer:
                    followUps.Add(text);
                    break;
                case SpeakerRole.Interviewee:
                    var parts = followUps.Prepend(lastQuestion).Prepend(previousQuestion).OfType<string>().ToList();
                    context = parts.Count > 0 ? string.Join(' ', parts) : null;
                    break;
            }

            if (turns.Count > 0 && turns[^1].Speaker == speaker && turns[^1].Role == role && raw.Label is null)
            {
                turns[^1] = turns[^1] with { Sentences = turns[^1].Sentences.Concat(sentences).ToList() };
                continue;
            }

            turns.Add(new Turn(turns.Count, speaker, role, sentences, context));
        }

        return turns;
    }

    /// <summary>Roles for labels: from the metadata's names, then from an explicit role the format gave the label
    /// (a bold question), then by behaviour: the speaker with the most words is interviewed, and any other who ends
    /// at least a third of their turns with a question is interviewing.</summary>
    private static Dictionary<string, SpeakerRole> LabelRoles(IReadOnlyList<RawTurn> turns, InterviewMetadata meta, NameResolver resolver)
    {
        var result = new Dictionary<string, SpeakerRole>();
        var byLabel = turns.Where(t => t.Label is not null).GroupBy(t => t.Label!).ToList();
        var mostWords = byLabel.OrderByDescending(g => g.Sum(t => t.Paragraphs.Sum(p => TextNormalizer.WordCount(p.Text))))
            .Select(g => g.Key).FirstOrDefault();
        foreach (var g in byLabel)
        {
            var name = resolver.Resolve(g.Key);
            var explicitRole = g.Select(t => t.Role).FirstOrDefault(r => r is not null);
            var questionShare = g.Count(t => Furniture.EndsWithQuestion(t.Paragraphs[^1].Text)) / (double)g.Count();
            result[g.Key] = meta.Interviewers.Contains(name, StringComparer.OrdinalIgnoreCase) ? SpeakerRole.Interviewer
                : meta.Interviewees.Contains(name, StringComparer.OrdinalIgnoreCase) ? SpeakerRole.Interviewee
                : explicitRole is { } r ? r
                : g.Key == mostWords ? SpeakerRole.Interviewee
                : questionShare >= 1.0 / 3 ? SpeakerRole.Interviewer
                : SpeakerRole.Interviewee;
        }

        return result;
    }

    private static string DefaultSpeaker(SpeakerRole role, InterviewMetadata meta) => role switch
    {
        SpeakerRole.Interviewer => meta.Interviewers.Count > 0 ? string.Join(" and ", meta.Interviewers) : "Interviewer",
        SpeakerRole.Interviewee => meta.Interviewees.Count > 0 ? meta.Interviewees[0] : "Interviewee",
        _ => meta.Author ?? (meta.Interviewers.Count > 0 ? string.Join(" and ", meta.Interviewers) : meta.Outlet ?? "Narrator"),
    };

    private static IEnumerable<Sentence> Sentences(Paragraph p)
    {
        foreach (var (start, length) in SentenceSplitter.Split(p.Text))
        {
            TimeSpan? time = null;
            if (p.Marks is { } marks)
            {
                foreach (var m in marks)
                {
                    if (m.Offset <= start)
                    {
                        time = m.Time;
                    }
                }
            }

            yield return new Sentence(p.Text.Substring(start, length), time);
        }
    }
}
