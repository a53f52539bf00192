using InterviewBot.Core.Model;
using InterviewBot.Retrieval.Index;
using InterviewBot.Retrieval.Text;

namespace InterviewBot.Retrieval.Quotes;

/// <summary>Turns ranked passages into quotes: within each passage, the one to three sentences that carry the most
/// of the question's weighted terms; overlapping and near-duplicate quotes are dropped.</summary>
internal static class QuoteSelector
{
    /// <summary>Per-sentence bonus: among spans carrying the same query terms, the fuller one wins.</summary>
    private const double SpanBonus = 0.5;

    public static List<Quote> Select(PassageIndex index, IReadOnlyList<Candidate> ranked, int[] queryIds, int wanted)
    {
        var chosen = new List<Quote>();
        var seen = new List<HashSet<string>>();
        var query = queryIds.Where(t => t >= 0).ToHashSet();
        foreach (var c in ranked)
        {
            if (chosen.Count >= wanted)
            {
                break;
            }

            var e = index.PassageTurn[c.Passage];
            var turn = index.TurnOf(e);
            var interview = index.InterviewOf(e);
            var (first, count) = BestSpan(index, turn, index.PassageFirst[c.Passage], index.PassageCount[c.Passage], query);
            if (chosen.Any(q => q.Location.InterviewId == interview.Id && q.Location.Turn == turn.Index
                    && first < q.Location.FirstSentence + q.Location.SentenceCount && q.Location.FirstSentence < first + count))
            {
                continue;
            }

            var joined = QuoteText.Join(turn.Sentences, first, count);
            var words = Analyzer.Terms(joined).ToHashSet();
            if (seen.Any(s => Jaccard(s, words) > 0.8))
            {
                continue;
            }

            seen.Add(words);
            var m = interview.Metadata;
            chosen.Add(new Quote(
                QuoteText.Fit(joined, FocusOffset(joined, query, index)),
                turn.Speaker,
                turn.Role,
                new InterviewRef(m.Id, m.Title, m.Outlet, m.Date, m.Url),
                turn.Sentences[first].Start,
                Math.Round(c.Score, 4),
                turn.Context,
                new QuoteLocation(m.Id, turn.Index, first, count)));
        }

        return chosen;
    }

    /// <summary>The sub-span of the passage (1–3 sentences, within the length limit when possible) with the most
    /// weighted query terms; fuller spans win ties.</summary>
    private static (int First, int Count) BestSpan(PassageIndex index, Turn turn, int first, int count, HashSet<int> query)
    {
        var sentenceTerms = Enumerable.Range(first, count)
            .Select(i => Analyzer.Terms(turn.Sentences[i].Text).Select(index.Vocabulary.Find).Where(query.Contains).ToHashSet())
            .ToArray();
        var best = (First: first, Count: count);
        var bestScore = double.MinValue;
        for (var s = 0; s < count; s++)
        {
            for (var n = 1; s + n <= count && n <= QuoteText.MaxSentences; n++)
            {
                var terms = new HashSet<int>();
                var length = 0;
                for (var k = s; k < s + n; k++)
                {
                    terms.UnionWith(sentenceTerms[k]);
                    length += turn.Sentences[first + k].Text.Length + 1;
                }

                var score = terms.Sum(t => index.Windows.IdfOf(t)) + (SpanBonus * n) - (length > QuoteText.MaxLength && n > 1 ? 1000 : 0);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = (first + s, n);
                }
            }
        }

        return best;
    }

    /// <summary>Where in the text the first query term occurs, so a cut keeps the relevant part.</summary>
    private static int FocusOffset(string text, HashSet<int> query, PassageIndex index)
    {
        var offset = 0;
        foreach (var word in text.Split(' '))
        {
            if (Analyzer.Terms(word).Select(index.Vocabulary.Find).Any(query.Contains))
            {
                return offset;
            }

            offset += word.Length + 1;
        }

        return 0;
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }

        var inter = a.Count(b.Contains);
        return inter / (double)(a.Count + b.Count - inter);
    }
}
