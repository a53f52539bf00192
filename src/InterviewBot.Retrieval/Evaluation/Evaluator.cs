using InterviewBot.Core.Text;
using InterviewBot.Retrieval.Quotes;

namespace InterviewBot.Retrieval.Evaluation;

/// <summary>Scores retrieval on an eval set: hit@1, hit@3, MRR@10 over answerable questions (a hit is a returned
/// quote containing an evidence phrase), abstention on unanswerable ones, false abstentions, the speaker of hits,
/// and a verbatim check of every returned quote against its source.</summary>
public static class Evaluator
{
    public const int Depth = 10;

    public sealed record Miss(string Id, string Question, string Why, string? TopQuote);

    public sealed record Report(
        int Questions, int Answerable, int Unanswerable,
        double HitAt1, double HitAt3, double MrrAt10,
        double AbstainedOnUnanswerable, double FalseAbstentions,
        double SpeakerCorrect, int SpeakerChecked, int NonVerbatim, IReadOnlyList<Miss> Misses);

    public static async Task<Report> RunAsync(Retriever retriever, IReadOnlyList<EvalItem> items, CancellationToken ct = default)
    {
        double hit1 = 0, hit3 = 0, mrr = 0, abstainedRight = 0, falseAbstain = 0, speakerOk = 0;
        int speakerChecked = 0, nonVerbatim = 0;
        var misses = new List<Miss>();
        foreach (var item in items)
        {
            var answer = await retriever.AskAsync(new SearchRequest(item.Question, Depth), ct).ConfigureAwait(false);
            nonVerbatim += answer.Quotes.Count(q => !IsVerbatim(retriever, q));
            if (!item.Answerable)
            {
                if (!answer.Answered)
                {
                    abstainedRight++;
                }
                else
                {
                    misses.Add(new Miss(item.Id, item.Question, $"answered an unanswerable question (confidence {answer.Confidence:0.00})", answer.Quotes[0].Text));
                }

                continue;
            }

            if (!answer.Answered)
            {
                falseAbstain++;
                misses.Add(new Miss(item.Id, item.Question, $"abstained (confidence {answer.Confidence:0.00})", null));
                continue;
            }

            var rank = answer.Quotes.Select((q, i) => (q, i)).FirstOrDefault(x => item.Evidence.Any(e => Contains(x.q.Text, e)));
            if (rank.q is null)
            {
                misses.Add(new Miss(item.Id, item.Question, "no evidence in the top 10", answer.Quotes[0].Text));
                continue;
            }

            mrr += 1.0 / (rank.i + 1);
            hit1 += rank.i == 0 ? 1 : 0;
            hit3 += rank.i < 3 ? 1 : 0;
            if (rank.i >= 3)
            {
                misses.Add(new Miss(item.Id, item.Question, $"evidence at rank {rank.i + 1}", answer.Quotes[0].Text));
            }

            if (item.Speaker is { } expected)
            {
                speakerChecked++;
                if (SameSpeaker(rank.q.Speaker, expected))
                {
                    speakerOk++;
                }
                else
                {
                    misses.Add(new Miss(item.Id, item.Question, $"speaker '{rank.q.Speaker}', expected '{expected}'", rank.q.Text));
                }
            }
        }

        var answerable = items.Count(i => i.Answerable);
        var unanswerable = items.Count - answerable;
        return new Report(items.Count, answerable, unanswerable,
            Ratio(hit1, answerable), Ratio(hit3, answerable), Ratio(mrr, answerable),
            Ratio(abstainedRight, unanswerable), Ratio(falseAbstain, answerable),
            Ratio(speakerOk, speakerChecked), speakerChecked, nonVerbatim, misses);
    }

    /// <summary>Case-, whitespace- and quote-style-insensitive containment.</summary>
    public static bool Contains(string text, string phrase) =>
        Normalise(text).Contains(Normalise(phrase), StringComparison.OrdinalIgnoreCase);

    /// <summary>Same person: the expected name's surname is one of the speaker's words ("President Obama" is
    /// "Barack Obama"), or the speaker is known only by the expected first name ("Laura" is "Laura Beaufort").</summary>
    public static bool SameSpeaker(string speaker, string expected)
    {
        var names = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var surname = names.LastOrDefault() ?? expected;
        var firstNameOnly = !speaker.Trim().Contains(' ', StringComparison.Ordinal) && names.Length > 1
            && speaker.Trim().Equals(names[0], StringComparison.OrdinalIgnoreCase);
        return Retriever.SpeakerMatches(speaker, surname) || firstNameOnly;
    }

    /// <summary>Every piece of the quote between "…" cuts is a span of its source turn.</summary>
    public static bool IsVerbatim(Retriever retriever, Quote quote)
    {
        var interview = retriever.Index.Corpus.Interviews.First(i => i.Id == quote.Location.InterviewId);
        var source = interview.Turns[quote.Location.Turn].Text;
        return quote.Text.Split('…', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(piece => source.Contains(piece, StringComparison.Ordinal));
    }

    private static string Normalise(string s) =>
        TextNormalizer.CollapseWhitespace(s.Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"'));

    private static double Ratio(double a, int b) => b == 0 ? 0 : Math.Round(a / b, 3);
}
