using System.Numerics.Tensors;
using InterviewBot.Core.Model;
using InterviewBot.Retrieval.Index;
using InterviewBot.Retrieval.Quotes;
using InterviewBot.Retrieval.Text;

namespace InterviewBot.Retrieval;

/// <summary>Answers questions from a <see cref="PassageIndex"/> with verbatim, attributed quotes.</summary>
public sealed class Retriever(PassageIndex index, RetrievalOptions? options = null)
{
    public const int MaxQuestionLength = 1000;

    private readonly RetrievalOptions _options = options ?? RetrievalOptions.Default;
    private readonly Lazy<LexicalRanker> _ranker = new(() => new LexicalRanker(index, options ?? RetrievalOptions.Default));
    private readonly Lazy<Acronyms> _acronyms = new(() => Acronyms.Find(index.Corpus));
    private readonly Lazy<HashSet<string>> _metadataTerms = new(() => index.Corpus.Interviews
        .SelectMany(i => new[] { i.Metadata.Title, i.Metadata.Outlet, i.Metadata.Author }.Concat(i.Metadata.Interviewers).Concat(i.Metadata.Interviewees))
        .OfType<string>().SelectMany(Analyzer.Terms).ToHashSet(StringComparer.Ordinal));

    public PassageIndex Index => index;

    public async Task<Answer> AskAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        var question = request.Question.Trim();
        if (question.Length == 0)
        {
            throw new ArgumentException("the question is empty");
        }

        if (question.Length > MaxQuestionLength)
        {
            throw new ArgumentException($"the question is {question.Length} characters; the limit is {MaxQuestionLength}");
        }

        var terms = _acronyms.Value.Expand(Analyzer.QueryTerms(question).Distinct().ToList()).ToArray();
        if (terms.Length == 0 || index.PassageTotal == 0)
        {
            return Answer.Abstain(question, 0);
        }

        if (UnknownName(question) is { } unknown)
        {
            // The question names something no interview mentions: whatever matches the rest is not about it.
            return Answer.Abstain(question, 0) with { Unmatched = unknown };
        }

        var ids = terms.Select(index.Vocabulary.Find).ToArray();
        var ranked = _ranker.Value.Rank(ids, SpeakerFilter(request));
        if (ranked.Count == 0)
        {
            return Answer.Abstain(question, 0);
        }

        if (_options.FeedbackWeight > 0)
        {
            // Pseudo-relevance feedback: words the best passages share widen the question a little.
            ranked = _ranker.Value.WithFeedback(ranked, FeedbackTerms(ids, ranked));
        }

        var scored = ranked;
        if (_options.UsesEmbeddings)
        {
            var embedder = index.Embedder ?? throw new InvalidOperationException("a dense weight needs an index built with embeddings");
            var queryVector = (await embedder.GenerateAsync([question], cancellationToken: cancellationToken).ConfigureAwait(false))[0].Vector;
            scored = ranked.Select(c => c with { Score = c.Score + (_options.DenseWeight * Cosine(queryVector.Span, c.Passage)) })
                .OrderByDescending(c => c.Score).ThenBy(c => c.Passage).ToList();
        }

        var confidence = Coverage(ids, scored[0]);
        if (confidence < _options.AbstainBelow)
        {
            return Answer.Abstain(question, confidence);
        }

        var quotes = QuoteSelector.Select(index, scored, ids, request.Skip + request.Top).Skip(request.Skip).ToList();
        return new Answer(question, quotes.Count > 0, quotes, confidence);
    }

    /// <summary>A name or number in the question (a capitalised word that does not start a sentence, or a word with
    /// digits) that appears nowhere in the corpus or its metadata, if any.</summary>
    internal string? UnknownName(string question)
    {
        var words = question.Split([' ', '\t', '\n', ',', ';', ':', '(', ')', '"', '“', '”'], StringSplitOptions.RemoveEmptyEntries);
        for (var w = 1; w < words.Length; w++)
        {
            var previous = words[w - 1].TrimEnd('"', '”', '’', '\'', ')');
            var startsSentence = previous.Length > 0 && previous[^1] is '.' or '?' or '!';
            var word = words[w].Trim('.', '?', '!', '\'', '’');
            if (word.Length < 2 || word == "I" || !((char.IsUpper(word[0]) && !startsSentence) || word.Any(char.IsDigit)))
            {
                continue;
            }

            var stems = Analyzer.Terms(word);
            if (stems.Count > 0 && stems.All(t => index.Vocabulary.Find(t) < 0 && !_metadataTerms.Value.Contains(t)))
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>The terms that weigh most (tf × idf) across the top passages, other than the question's own.</summary>
    private int[] FeedbackTerms(int[] ids, List<Candidate> ranked)
    {
        var weights = new Dictionary<int, double>();
        foreach (var c in ranked.Take(_options.FeedbackPassages))
        {
            foreach (var term in Analyzer.Terms(index.PassageText(c.Passage)))
            {
                var t = index.Vocabulary.Find(term);
                if (t >= 0 && !ids.Contains(t) && index.Windows.DocumentFrequency(t) > 1)
                {
                    weights[t] = weights.GetValueOrDefault(t) + index.Windows.IdfOf(t);
                }
            }
        }

        return weights.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(_options.FeedbackTerms).Select(kv => kv.Key).ToArray();
    }

    private Func<int, bool>? SpeakerFilter(SearchRequest request)
    {
        if (request.Speaker is null && request.InterviewId is null)
        {
            return null;
        }

        return e =>
            (request.Speaker is null || SpeakerMatches(index.TurnOf(e).Speaker, request.Speaker))
            && (request.InterviewId is null || index.InterviewOf(e).Id.Equals(request.InterviewId, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>"Russo", "joe russo" and "Joe Russo" all name "Joe Russo".</summary>
    public static bool SpeakerMatches(string speaker, string wanted)
    {
        var have = speaker.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return wanted.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .All(w => have.Any(h => h.Trim('.', ',').Equals(w.Trim('.', ','), StringComparison.OrdinalIgnoreCase)));
    }

    private double Cosine(ReadOnlySpan<float> query, int passage)
    {
        var p = index.Embedding(passage);
        return p.Length == query.Length && p.Length > 0 ? TensorPrimitives.Dot(query, p) : 0;
    }

    /// <summary>The idf-weighted share of the question's terms found in the best passage, its whole answer, the
    /// question it answers, or its speaker's name. Terms the corpus never uses weigh the most.</summary>
    private double Coverage(int[] ids, Candidate best)
    {
        var e = index.PassageTurn[best.Passage];
        var total = 0.0;
        var covered = 0.0;
        foreach (var t in ids)
        {
            var idf = index.Windows.IdfOf(t);
            total += idf;
            if (t >= 0 && (index.TurnText.ScoreOne([t], e) > 0 || index.Context.ScoreOne([t], e) > 0 || index.SpeakerTerms[e].Contains(t)))
            {
                covered += idf;
            }
        }

        return total == 0 ? 0 : covered / total;
    }
}
