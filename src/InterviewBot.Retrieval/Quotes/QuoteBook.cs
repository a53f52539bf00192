using System.Security.Cryptography;
using System.Text;
using InterviewBot.Core.Model;

namespace InterviewBot.Retrieval.Quotes;

/// <summary>Quotes that stand on their own, for look-ups without a search and for the quote of the day: one or two
/// complete sentences by an interviewee, 60–300 characters, not a question, and not opening with a word that points
/// back at something unsaid ("That", "He", "It") unless nothing else is available.</summary>
public sealed class QuoteBook
{
    public const int MinLength = 60;
    public const int MaxLength = 300;

    private static readonly HashSet<string> Dangling = new(StringComparer.OrdinalIgnoreCase)
    {
        "that", "that's", "this", "these", "those", "it", "it's", "its", "he", "he's", "she", "she's", "they", "they're",
        "them", "him", "her", "his", "their", "which", "and", "but", "or", "so", "because", "also", "then", "there",
        "yes", "yeah", "no", "well", "exactly", "right",
    };

    private readonly Corpus _corpus;
    private readonly List<QuoteLocation> _standalone;

    public QuoteBook(Corpus corpus)
    {
        _corpus = corpus;
        _standalone = Candidates(corpus).ToList();
    }

    /// <summary>All standalone quotes, in corpus order (interview, turn, sentence).</summary>
    public IReadOnlyList<QuoteLocation> Pool => _standalone;

    /// <summary>Standalone quotes matching the filters, in corpus order.</summary>
    public IReadOnlyList<Quote> Matching(string? speaker = null, string? interviewId = null) =>
        _standalone.Select(ToQuote)
            .Where(q => (speaker is null || Retriever.SpeakerMatches(q.Speaker, speaker))
                        && (interviewId is null || q.Interview.Id.Equals(interviewId, StringComparison.OrdinalIgnoreCase)))
            .ToList();

    /// <summary>The quote of the day for <paramref name="date"/>: the same date always gives the same quote for the
    /// same corpus and filters.</summary>
    public Quote? OfTheDay(DateOnly date, string? speaker = null, string? interviewId = null)
    {
        var pool = Matching(speaker, interviewId);
        return pool.Count == 0 ? null : pool[(int)(StableHash($"qotd:{date:yyyy-MM-dd}") % (ulong)pool.Count)];
    }

    /// <summary>A random standalone quote matching the filters.</summary>
    public Quote? Random(Random random, string? speaker = null, string? interviewId = null)
    {
        var pool = Matching(speaker, interviewId);
        return pool.Count == 0 ? null : pool[random.Next(pool.Count)];
    }

    public Quote ToQuote(QuoteLocation at)
    {
        var interview = _corpus.Interviews.First(i => i.Id == at.InterviewId);
        var turn = interview.Turns[at.Turn];
        var m = interview.Metadata;
        return new Quote(QuoteText.Join(turn.Sentences, at.FirstSentence, at.SentenceCount), turn.Speaker, turn.Role,
            new InterviewRef(m.Id, m.Title, m.Outlet, m.Date, m.Url), turn.Sentences[at.FirstSentence].Start, 0, turn.Context, at);
    }

    /// <summary>64 bits of SHA-256: stable across processes and platforms (unlike string.GetHashCode).</summary>
    public static ulong StableHash(string key) =>
        BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0);

    private static IEnumerable<QuoteLocation> Candidates(Corpus corpus)
    {
        foreach (var interview in corpus.Interviews)
        {
            foreach (var turn in interview.Turns.Where(t => t.Role == SpeakerRole.Interviewee))
            {
                var preferred = new List<QuoteLocation>();
                var fallback = new List<QuoteLocation>();
                var s = 0;
                while (s < turn.Sentences.Count)
                {
                    var span = BestSpanAt(turn, s);
                    if (span is null)
                    {
                        s++;
                        continue;
                    }

                    var at = new QuoteLocation(interview.Id, turn.Index, s, span.Value);
                    (StartsDangling(turn.Sentences[s].Text) ? fallback : preferred).Add(at);
                    s += span.Value;
                }

                foreach (var q in preferred.Count > 0 ? preferred : fallback)
                {
                    yield return q;
                }
            }
        }
    }

    /// <summary>The longest 1–2 sentence span at <paramref name="s"/> that fits 60–300 characters and ends a
    /// statement.</summary>
    private static int? BestSpanAt(Turn turn, int s)
    {
        for (var n = 2; n >= 1; n--)
        {
            if (s + n > turn.Sentences.Count)
            {
                continue;
            }

            var text = QuoteText.Join(turn.Sentences, s, n);
            var last = text.TrimEnd('"', '”', '’', ')');
            if (text.Length is >= MinLength and <= MaxLength && last.Length > 0 && last[^1] is '.' or '!'
                && !Enumerable.Range(s, n).Any(i => turn.Sentences[i].Text.TrimEnd('"', '”').EndsWith('?')))
            {
                return n;
            }
        }

        return null;
    }

    private static bool StartsDangling(string sentence)
    {
        var first = sentence.Split(' ', 2)[0].Trim(',', '.', '"', '“', '”');
        return Dangling.Contains(first);
    }
}
