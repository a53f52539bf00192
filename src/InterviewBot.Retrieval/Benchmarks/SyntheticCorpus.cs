using System.Globalization;
using System.Text;
using InterviewBot.Core.Model;
using InterviewBot.Retrieval.Text;

namespace InterviewBot.Retrieval.Benchmarks;

/// <summary>Deterministic synthetic interviews for benchmarks. Each interview has about 40 turns alternating an
/// interviewer's question and an interviewee's answer of 3–12 sentences; sentences have 8–25 words drawn from a
/// Zipf-distributed vocabulary (common English function words at the top ranks, then made-up words), so term
/// frequencies and document frequencies fall off the way they do in real text. The same seed always gives the same
/// corpus and the same queries.</summary>
public sealed class SyntheticCorpus
{
    public const int DefaultVocabularySize = 50_000;

    /// <summary>Zipf–Mandelbrot parameters: p(rank) ∝ 1 / (rank + Offset)^Exponent.</summary>
    private const double Exponent = 1.0;
    private const double Offset = 2.7;

    /// <summary>Frequent English function words (all stop words to the analyser), most frequent first.</summary>
    private static readonly string[] FunctionWords =
    [
        "the", "and", "to", "of", "a", "i", "that", "in", "it", "was", "we", "you", "is", "for", "on", "with", "but",
        "they", "so", "this", "be", "at", "as", "have", "not", "he", "there", "what", "all", "had", "were", "can",
        "would", "about", "when", "from", "do", "if", "out", "my", "our", "just", "them", "his", "she", "or", "which",
        "an", "by", "then", "into", "could", "very", "been", "because", "her", "their", "more", "how", "some",
    ];

    private static readonly string[] Onsets =
        ["b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "cr", "dr", "fl", "gr", "pl", "st", "tr", "sh", "th"];

    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ea", "oo", "ou", "y"];

    private static readonly string[] Codas = ["", "", "", "n", "r", "s", "l", "m", "t", "k", "nd", "st"];

    private readonly int _seed;
    private readonly string[] _words;        // by rank: function words, then made-up words
    private readonly double[] _cumulative;   // cumulative Zipf weight by rank
    private readonly double _madeUpStart;    // cumulative weight before the first made-up word

    public SyntheticCorpus(int seed = 42, int vocabularySize = DefaultVocabularySize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabularySize, 100);
        _seed = seed;
        _words = new string[FunctionWords.Length + vocabularySize];
        FunctionWords.CopyTo(_words, 0);
        var rng = new Random(seed);
        var stems = new HashSet<string>(StringComparer.Ordinal);
        var builder = new StringBuilder();
        for (var i = FunctionWords.Length; i < _words.Length;)
        {
            // Frequent words are short, rare ones long, as in real text.
            var rank = i - FunctionWords.Length;
            var syllables = rank < 300 ? 1 + rng.Next(2) : rank < 5000 ? 2 + rng.Next(2) : 2 + rng.Next(3);
            builder.Clear();
            for (var s = 0; s < syllables; s++)
            {
                builder.Append(Onsets[rng.Next(Onsets.Length)]).Append(Vowels[rng.Next(Vowels.Length)]);
                if (s == syllables - 1 || rng.Next(3) == 0)
                {
                    builder.Append(Codas[rng.Next(Codas.Length)]);
                }
            }

            // Keep a word only when the analyser indexes it as one term of its own (not a stop word, no shared stem).
            var word = builder.ToString();
            var terms = Analyzer.Terms(word);
            if (word.Length >= 3 && terms.Count == 1 && stems.Add(terms[0]))
            {
                _words[i++] = word;
            }
        }

        _cumulative = new double[_words.Length];
        var total = 0.0;
        for (var r = 0; r < _words.Length; r++)
        {
            total += 1 / Math.Pow(r + 1 + Offset, Exponent);
            _cumulative[r] = total;
        }

        _madeUpStart = _cumulative[FunctionWords.Length - 1];
    }

    /// <summary>The vocabulary by frequency rank (function words first).</summary>
    public IReadOnlyList<string> Vocabulary => _words;

    /// <summary>A corpus with exactly <paramref name="passages"/> passages (sentences of answer turns; the last
    /// answer is cut short to hit the count).</summary>
    public Corpus Generate(int passages)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(passages);
        var rng = new Random(_seed);
        var interviews = new List<Interview>(passages / 140 + 1);
        var text = new StringBuilder(256);
        var remaining = passages;
        while (remaining > 0)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"synthetic-{interviews.Count + 1:D6}");
            var interviewer = Name(rng);
            var interviewee = Name(rng);
            var turnCount = 36 + rng.Next(9);
            var turns = new List<Turn>(turnCount);
            while (turns.Count + 2 <= turnCount && remaining > 0)
            {
                var question = Sentence(rng, text, 6 + rng.Next(10), '?');
                turns.Add(new Turn(turns.Count, interviewer, SpeakerRole.Interviewer, [new Sentence(question)]));
                var count = Math.Min(remaining, 3 + rng.Next(10));
                var sentences = new Sentence[count];
                for (var s = 0; s < count; s++)
                {
                    sentences[s] = new Sentence(Sentence(rng, text, 8 + rng.Next(18), '.'));
                }

                turns.Add(new Turn(turns.Count, interviewee, SpeakerRole.Interviewee, sentences, question));
                remaining -= count;
            }

            var metadata = new InterviewMetadata
            {
                Id = id,
                Title = $"{interviewee} talks to {interviewer}",
                Outlet = "Synthetic Weekly",
                Date = string.Create(CultureInfo.InvariantCulture, $"{2000 + (interviews.Count % 25)}-{1 + (interviews.Count % 12):D2}"),
                Interviewers = [interviewer],
                Interviewees = [interviewee],
            };
            interviews.Add(new Interview(metadata, $"synthetic/{id}.txt", turns));
        }

        return new Corpus(interviews, []);
    }

    /// <summary><paramref name="count"/> questions of 4–10 words: most words taken from a random passage of
    /// <paramref name="corpus"/> (so most questions have an answer), the rest random vocabulary words.</summary>
    public IReadOnlyList<string> Queries(Corpus corpus, int count, int salt = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var answers = new List<Turn>();
        foreach (var interview in corpus.Interviews)
        {
            foreach (var turn in interview.Turns)
            {
                if (turn.Role != SpeakerRole.Interviewer && turn.Sentences.Count > 0)
                {
                    answers.Add(turn);
                }
            }
        }

        var rng = new Random(unchecked((_seed * 7919) + (salt * 104_729) + 0x51ED)); // not HashCode: it differs per process
        var queries = new List<string>(count);
        var window = new List<string>();
        var words = new List<string>();
        var text = new StringBuilder();
        for (var q = 0; q < count; q++)
        {
            var length = 4 + rng.Next(7);
            var fromPassage = answers.Count == 0 ? 0 : (length + 1) / 2 + rng.Next(length / 2);
            window.Clear();
            if (fromPassage > 0)
            {
                var turn = answers[rng.Next(answers.Count)];
                var first = rng.Next(turn.Sentences.Count);
                for (var s = first; s < Math.Min(turn.Sentences.Count, first + 3); s++)
                {
                    foreach (var w in turn.Sentences[s].Text.Split(' '))
                    {
                        window.Add(w.TrimEnd('.', ',', '?').ToLowerInvariant());
                    }
                }
            }

            // Passage words keep their order; random words go in at random places.
            words.Clear();
            var start = window.Count <= fromPassage ? 0 : rng.Next(window.Count - fromPassage + 1);
            for (var i = start; i < Math.Min(window.Count, start + fromPassage); i++)
            {
                words.Add(window[i]);
            }

            while (words.Count < length)
            {
                words.Insert(rng.Next(words.Count + 1), MadeUpWord(rng));
            }

            text.Clear();
            foreach (var w in words)
            {
                text.Append(text.Length == 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w).Append(' ');
            }

            text.Length--;
            queries.Add(text.Append('?').ToString());
        }

        return queries;
    }

    private string Sentence(Random rng, StringBuilder text, int length, char end)
    {
        text.Clear();
        for (var i = 0; i < length; i++)
        {
            var w = Word(rng);
            if (i == 0)
            {
                text.Append(char.ToUpperInvariant(w[0])).Append(w, 1, w.Length - 1);
            }
            else
            {
                text.Append(' ').Append(w);
            }

            if (i < length - 2 && rng.Next(12) == 0)
            {
                text.Append(',');
            }
        }

        return text.Append(end).ToString();
    }

    /// <summary>A speaker's name: two made-up words drawn uniformly, so names are mostly rare terms.</summary>
    private string Name(Random rng)
    {
        var first = _words[FunctionWords.Length + rng.Next(_words.Length - FunctionWords.Length)];
        var last = _words[FunctionWords.Length + rng.Next(_words.Length - FunctionWords.Length)];
        return $"{char.ToUpperInvariant(first[0])}{first[1..]} {char.ToUpperInvariant(last[0])}{last[1..]}";
    }

    private string Word(Random rng) => _words[Rank(rng.NextDouble() * _cumulative[^1])];

    private string MadeUpWord(Random rng) =>
        _words[Rank(_madeUpStart + (rng.NextDouble() * (_cumulative[^1] - _madeUpStart)))];

    /// <summary>The first rank whose cumulative weight exceeds <paramref name="u"/>.</summary>
    private int Rank(double u)
    {
        int lo = 0, hi = _cumulative.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_cumulative[mid] > u)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }
}
