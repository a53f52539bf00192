using InterviewBot.Core.Model;

namespace InterviewBot.Retrieval.Index;

/// <summary>A ranked passage.</summary>
internal sealed record Candidate(int Passage, double Score);

/// <summary>Lexical ranking over a <see cref="PassageIndex"/>: BM25 of the passage, of its whole answer and of the
/// question it answers (fading along the answer), a bonus when the question names the speaker, a discount for
/// narration. Scores accumulate in flat per-thread arrays and only the best <see cref="RetrievalOptions.Candidates"/>
/// are kept, so a query costs time in proportion to the postings it touches, not to the corpus.</summary>
internal sealed class LexicalRanker
{
    /// <summary>How many answers that match mostly through their question join as candidates.</summary>
    private const int TurnCandidates = 30;

    private readonly PassageIndex _index;
    private readonly RetrievalOptions _options;
    private readonly bool[] _narrator;
    private readonly HashSet<int> _speakerTermIds;

    [ThreadStatic]
    private static Scratch? _scratch;

    public LexicalRanker(PassageIndex index, RetrievalOptions options)
    {
        _index = index;
        _options = options;
        _narrator = new bool[index.Turns.Length];
        for (var e = 0; e < _narrator.Length; e++)
        {
            _narrator[e] = index.TurnOf(e).Role == SpeakerRole.Narrator;
        }

        _speakerTermIds = index.SpeakerTerms.SelectMany(t => t).ToHashSet();
    }

    /// <summary>The best candidates for the query terms, best first (ties: lower passage first).</summary>
    public List<Candidate> Rank(int[] ids, Func<int, bool>? filter)
    {
        var s = _scratch is { } existing && existing.Fits(_index) ? existing : _scratch = new Scratch(_index);
        try
        {
            var z = ids.Sum(t => _index.Windows.IdfOf(t));
            _index.TurnText.Accumulate(ids, _options.TurnWeight / z, s.TurnScore, s.TurnSeen, s.Turns);
            _index.Context.Accumulate(ids, _options.ContextWeight / z, s.ContextScore, s.TurnSeen, s.Turns);
            _index.Windows.Accumulate(ids, 1 / z, s.PassageScore, s.PassageSeen, s.Passages);
            var namesSpeaker = ids.Any(_speakerTermIds.Contains);

            // Answers that match mostly through their question ("I haven't asked him.") join as candidates too.
            var bestTurns = new PriorityQueue<int, (double Score, int Turn)>(TurnCandidates + 1, WorstFirst);
            foreach (var e in s.Turns)
            {
                Keep(bestTurns, e, (s.TurnScore[e] + s.ContextScore[e], e), TurnCandidates);
            }

            while (bestTurns.TryDequeue(out var e, out _))
            {
                for (var p = _index.TurnFirstPassage[e]; p < _index.TurnFirstPassage[e + 1]; p++)
                {
                    s.AddPassage(p, 0);
                }
            }

            var best = new PriorityQueue<int, (double Score, int Passage)>(_options.Candidates + 1, WorstFirst);
            var worst = double.NegativeInfinity;
            foreach (var p in s.Passages)
            {
                var e = _index.PassageTurn[p];
                if (filter is not null && !filter(e))
                {
                    continue;
                }

                var score = Score(p, e, s.PassageScore[p] + s.TurnScore[e], s.ContextScore[e], ids, namesSpeaker);
                if (score < worst)
                {
                    continue;
                }

                Keep(best, p, (score, p), _options.Candidates);
                if (best.Count == _options.Candidates && best.TryPeek(out _, out var w))
                {
                    worst = w.Score;
                }
            }

            return Drain(best);
        }
        finally
        {
            s.Clear();
        }
    }

    /// <summary>Adds pseudo-relevance feedback: each candidate gains a share of its BM25 score for the feedback
    /// terms, and the list is re-sorted.</summary>
    public List<Candidate> WithFeedback(List<Candidate> ranked, int[] feedback)
    {
        if (feedback.Length == 0)
        {
            return ranked;
        }

        var zf = feedback.Sum(t => _index.Windows.IdfOf(t));
        return ranked
            .Select(c => c with
            {
                Score = c.Score + (_options.FeedbackWeight * _index.Windows.ScoreOne(feedback, c.Passage) / zf
                    * (_narrator[_index.PassageTurn[c.Passage]] ? _options.NarratorFactor : 1)),
            })
            .OrderByDescending(c => c.Score).ThenBy(c => c.Passage).ToList();
    }

    private double Score(int p, int e, double lexical, double context, int[] ids, bool namesSpeaker)
    {
        // The question's match counts most at the start of its answer, where the reply to it usually is.
        var score = lexical + (context / (1 + (_options.PositionDecay * _index.PassageFirst[p])));
        if (namesSpeaker)
        {
            foreach (var t in _index.SpeakerTerms[e])
            {
                if (Array.IndexOf(ids, t) >= 0)
                {
                    score += _options.SpeakerBonus;
                    break;
                }
            }
        }

        return _narrator[e] ? score * _options.NarratorFactor : score;
    }

    /// <summary>Orders heap entries so the worst (lowest score, then highest id) is dequeued first.</summary>
    private static readonly Comparer<(double Score, int Id)> WorstFirst = Comparer<(double Score, int Id)>.Create(
        (a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Id.CompareTo(a.Id));

    private static void Keep(PriorityQueue<int, (double, int)> heap, int item, (double Score, int Id) key, int capacity)
    {
        if (heap.Count < capacity)
        {
            heap.Enqueue(item, key);
        }
        else if (heap.TryPeek(out _, out var worst) && WorstFirst.Compare(key, worst) > 0)
        {
            heap.DequeueEnqueue(item, key);
        }
    }

    private static List<Candidate> Drain(PriorityQueue<int, (double Score, int Passage)> heap)
    {
        var result = new List<Candidate>(heap.Count);
        while (heap.TryDequeue(out var p, out var key))
        {
            result.Add(new Candidate(p, key.Score));
        }

        result.Reverse();
        return result;
    }

    /// <summary>Per-thread accumulators indexed by passage and by turn, with the lists of what was touched.</summary>
    private sealed class Scratch(PassageIndex index)
    {
        public readonly double[] PassageScore = new double[index.PassageTotal];
        public readonly double[] TurnScore = new double[index.Turns.Length];
        public readonly double[] ContextScore = new double[index.Turns.Length];
        public readonly bool[] PassageSeen = new bool[index.PassageTotal];
        public readonly bool[] TurnSeen = new bool[index.Turns.Length];

        public List<int> Passages { get; } = [];
        public List<int> Turns { get; } = [];

        public bool Fits(PassageIndex other) => PassageScore.Length == other.PassageTotal && TurnScore.Length == other.Turns.Length;

        public void AddPassage(int p, double score)
        {
            if (!PassageSeen[p])
            {
                PassageSeen[p] = true;
                Passages.Add(p);
            }

            PassageScore[p] += score;
        }

        public void Clear()
        {
            foreach (var p in Passages)
            {
                PassageSeen[p] = false;
                PassageScore[p] = 0;
            }

            foreach (var e in Turns)
            {
                TurnSeen[e] = false;
                TurnScore[e] = 0;
                ContextScore[e] = 0;
            }

            Passages.Clear();
            Turns.Clear();
        }
    }
}
