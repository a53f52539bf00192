using InterviewBot.Core.Model;
using InterviewBot.Retrieval.Embeddings;
using InterviewBot.Retrieval.Text;
using Microsoft.Extensions.AI;

namespace InterviewBot.Retrieval.Index;

/// <summary>The searchable form of a corpus. A passage is a window of up to three consecutive sentences of one
/// answer (or narration) turn, starting at each sentence. Three BM25 indexes cover the passages, the whole turns and
/// the interviewer's questions the turns answer; an index built with embeddings also has a dense vector per passage.</summary>
public sealed class PassageIndex
{
    public const int WindowSentences = 3;

    internal PassageIndex(Corpus corpus, IEmbeddingGenerator<string, Embedding<float>>? embedder, BuildResult built, float[] embeddings, int dimensions)
    {
        Corpus = corpus;
        Embedder = embedder;
        Turns = built.Turns;
        TurnFirstPassage = built.TurnFirstPassage;
        PassageTurn = built.PassageTurn;
        PassageFirst = built.PassageFirst;
        PassageCount = built.PassageCount;
        Vocabulary = built.Vocabulary;
        Windows = built.Windows;
        TurnText = built.TurnText;
        Context = built.Context;
        SpeakerTerms = built.SpeakerTerms;
        Embeddings = embeddings;
        Dimensions = dimensions;
    }

    public Corpus Corpus { get; }
    /// <summary>The embedder, or null for an index built without embeddings.</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? Embedder { get; }
    public int PassageTotal => PassageTurn.Length;
    public int Dimensions { get; }

    internal (int Interview, int Turn)[] Turns { get; }
    internal int[] TurnFirstPassage { get; }
    internal int[] PassageTurn { get; }
    internal int[] PassageFirst { get; }
    internal byte[] PassageCount { get; }
    internal Vocabulary Vocabulary { get; }
    internal Bm25Index Windows { get; }
    internal Bm25Index TurnText { get; }
    internal Bm25Index Context { get; }
    internal int[][] SpeakerTerms { get; }
    internal float[] Embeddings { get; }

    internal Turn TurnOf(int turnEntry)
    {
        var (i, t) = Turns[turnEntry];
        return Corpus.Interviews[i].Turns[t];
    }

    internal Interview InterviewOf(int turnEntry) => Corpus.Interviews[Turns[turnEntry].Interview];

    internal string PassageText(int passage) =>
        Quotes.QuoteText.Join(TurnOf(PassageTurn[passage]).Sentences, PassageFirst[passage], PassageCount[passage]);

    internal ReadOnlySpan<float> Embedding(int passage) => Embeddings.AsSpan(passage * Dimensions, Dimensions);

    /// <summary>Builds only the lexical indexes: what ranking needs while the dense weight is 0 (the default).</summary>
    public static PassageIndex BuildWithoutEmbeddings(Corpus corpus) => new(corpus, null, BuildLexical(corpus), [], 0);

    /// <summary>Builds the index, fitting the ML.NET embedder on the corpus.</summary>
    public static PassageIndex Build(Corpus corpus) => Build(corpus, embedder: null);

    /// <summary>Builds the index with a given embedder (null: fit the ML.NET one on this corpus).</summary>
    public static PassageIndex Build(Corpus corpus, IEmbeddingGenerator<string, Embedding<float>>? embedder)
    {
        // The ML.NET fit (on a sample of passages) runs in the background while the lexical indexes are built.
        var fitting = embedder is null ? MlNetEmbeddingGenerator.StartFit(() => SampleTexts(corpus, FitSample)) : null;
        var built = BuildLexical(corpus);
        var count = built.PassageTurn.Length;
        float[] embeddings;
        int dims;
        if (fitting is not null)
        {
            MlNetEmbeddingGenerator fitted;
            (fitted, embeddings, dims) = fitting.EmbedAll(count, p => PreparedText(built, p));
            embedder = fitted;
        }
        else if (embedder is MlNetEmbeddingGenerator ml)
        {
            dims = count == 0 ? 0 : ml.Dimensions;
            embeddings = new float[(long)count * dims];
            ml.EmbedAll(0, count, p => PreparedText(built, p), embeddings);
        }
        else
        {
            (embeddings, dims) = EmbedAll(embedder!, PassageTexts(corpus, built));
        }

        return new PassageIndex(corpus, embedder!, built, embeddings, dims);
    }

    /// <summary>Rebuilds an index whose embeddings were cached.</summary>
    internal static PassageIndex Restore(Corpus corpus, IEmbeddingGenerator<string, Embedding<float>> embedder, float[] embeddings, int dims)
    {
        var built = BuildLexical(corpus);
        if (embeddings.Length != built.PassageTurn.Length * dims)
        {
            throw new InvalidDataException("cached embeddings do not match the corpus");
        }

        return new PassageIndex(corpus, embedder, built, embeddings, dims);
    }

    /// <summary>The lexical side of the index. <see cref="Terms"/> (term by id), <see cref="TurnDocs"/> (each turn's
    /// term ids) and <see cref="SentenceStarts"/> (where each sentence starts in them) serve the embedding step and
    /// are not kept in the index.</summary>
    internal sealed record BuildResult(
        (int, int)[] Turns, int[] TurnFirstPassage, int[] PassageTurn, int[] PassageFirst, byte[] PassageCount,
        Vocabulary Vocabulary, Bm25Index Windows, Bm25Index TurnText, Bm25Index Context, int[][] SpeakerTerms,
        string[] Terms, int[][] TurnDocs, int[][] SentenceStarts);

    /// <summary>How many passages the ML.NET embedder is fitted on (an evenly spread sample).</summary>
    private const int FitSample = 20_000;

    private static List<(int, int)> AnswerTurns(Corpus corpus)
    {
        var turns = new List<(int, int)>();
        for (var i = 0; i < corpus.Interviews.Count; i++)
        {
            foreach (var turn in corpus.Interviews[i].Turns)
            {
                if (turn.Role != SpeakerRole.Interviewer)
                {
                    turns.Add((i, turn.Index));
                }
            }
        }

        return turns;
    }

    private static BuildResult BuildLexical(Corpus corpus)
    {
        var turns = AnswerTurns(corpus);

        // Analyse in parallel chunks of turns, each numbering its terms in order of first occurrence. Merging the
        // chunks' terms in chunk order then gives every term the id a single pass in corpus order would (each turn's
        // sentences, then its context, then its speaker), so the index is deterministic; only int arrays live on.
        var chunkSize = Math.Max(256, (turns.Count + (4 * Environment.ProcessorCount) - 1) / (4 * Environment.ProcessorCount));
        var chunks = (turns.Count + chunkSize - 1) / chunkSize;
        var chunkTerms = new List<string>[chunks];
        var turnDocs = new int[turns.Count][];
        var sentenceStarts = new int[turns.Count][];
        var contextDocs = new int[turns.Count][];
        var speakerTerms = new int[turns.Count][];
        Parallel.For(0, chunks, c =>
        {
            var local = new Dictionary<string, int>(StringComparer.Ordinal);
            var terms = new List<string>();
            var doc = new List<int>();
            int Id(string term)
            {
                if (!local.TryGetValue(term, out var id))
                {
                    id = terms.Count;
                    local.Add(term, id);
                    terms.Add(term);
                }

                return id;
            }

            int[] Ids(List<string> words)
            {
                var ids = new int[words.Count];
                for (var k = 0; k < ids.Length; k++)
                {
                    ids[k] = Id(words[k]);
                }

                return ids;
            }

            for (var e = c * chunkSize; e < Math.Min(turns.Count, (c + 1) * chunkSize); e++)
            {
                var (i, t) = turns[e];
                var turn = corpus.Interviews[i].Turns[t];
                var starts = new int[turn.Sentences.Count + 1];
                doc.Clear();
                for (var s = 0; s < turn.Sentences.Count; s++)
                {
                    foreach (var term in Analyzer.Terms(turn.Sentences[s].Text))
                    {
                        doc.Add(Id(term));
                    }

                    starts[s + 1] = doc.Count;
                }

                turnDocs[e] = [.. doc];
                sentenceStarts[e] = starts;
                contextDocs[e] = turn.Context is null ? [] : Ids(Analyzer.Terms(turn.Context));
                speakerTerms[e] = Ids(Analyzer.Terms(turn.Speaker));
            }

            chunkTerms[c] = terms;
        });

        var vocab = new Vocabulary();
        var termList = new List<string>();
        var globalIds = new int[chunks][];
        for (var c = 0; c < chunks; c++)
        {
            var map = globalIds[c] = new int[chunkTerms[c].Count];
            for (var k = 0; k < map.Length; k++)
            {
                var term = chunkTerms[c][k];
                map[k] = vocab.GetOrAdd(term);
                if (map[k] == termList.Count)
                {
                    termList.Add(term);
                }
            }
        }

        var turnFirst = new int[turns.Count + 1];
        var passages = 0;
        for (var e = 0; e < turns.Count; e++)
        {
            turnFirst[e] = passages;
            passages += sentenceStarts[e].Length - 1;
        }

        Parallel.For(0, chunks, c =>
        {
            var map = globalIds[c];
            for (var e = c * chunkSize; e < Math.Min(turns.Count, (c + 1) * chunkSize); e++)
            {
                foreach (var doc in (ReadOnlySpan<int[]>)[turnDocs[e], contextDocs[e], speakerTerms[e]])
                {
                    for (var k = 0; k < doc.Length; k++)
                    {
                        doc[k] = map[doc[k]];
                    }
                }
            }
        });

        turnFirst[turns.Count] = passages;
        var passageTurn = new int[passages];
        var passageFirst = new int[passages];
        var passageCount = new byte[passages];
        for (var e = 0; e < turns.Count; e++)
        {
            var n = sentenceStarts[e].Length - 1;
            for (var s = 0; s < n; s++)
            {
                var p = turnFirst[e] + s;
                passageTurn[p] = e;
                passageFirst[p] = s;
                passageCount[p] = (byte)Math.Min(WindowSentences, n - s);
            }
        }

        // A passage's terms are a slice of its turn's: no per-window arrays.
        ReadOnlyMemory<int> Window(int p)
        {
            var starts = sentenceStarts[passageTurn[p]];
            var s = passageFirst[p];
            return turnDocs[passageTurn[p]].AsMemory(starts[s], starts[s + passageCount[p]] - starts[s]);
        }

        Bm25Index? windows = null, turnText = null, context = null;
        Parallel.Invoke(
            () => windows = new Bm25Index(passages, Window, vocab.Count),
            () => turnText = new Bm25Index(turnDocs, vocab.Count),
            () => context = new Bm25Index(contextDocs, vocab.Count));
        return new BuildResult(turns.ToArray(), turnFirst, passageTurn, passageFirst, passageCount,
            vocab, windows!, turnText!, context!, speakerTerms, [.. termList], turnDocs, sentenceStarts);
    }

    /// <summary>The text of every passage, in passage order.</summary>
    private static string[] PassageTexts(Corpus corpus, BuildResult built)
    {
        var texts = new string[built.PassageTurn.Length];
        Parallel.For(0, texts.Length, p =>
        {
            var (i, t) = built.Turns[built.PassageTurn[p]];
            texts[p] = Quotes.QuoteText.Join(corpus.Interviews[i].Turns[t].Sentences, built.PassageFirst[p], built.PassageCount[p]);
        });
        return texts;
    }

    /// <summary>The texts of an evenly spread sample of at most <paramref name="max"/> passages (all of them when
    /// there are fewer), so fitting stays fast on very large corpora. Needs no lexical index, so it can run first.</summary>
    private static List<string> SampleTexts(Corpus corpus, int max)
    {
        var turns = AnswerTurns(corpus);
        var sentences = new IReadOnlyList<Sentence>[turns.Count];
        long total = 0;
        for (var e = 0; e < turns.Count; e++)
        {
            var (i, t) = turns[e];
            sentences[e] = corpus.Interviews[i].Turns[t].Sentences;
            total += sentences[e].Count;
        }

        var count = (int)Math.Min(total, max);
        var step = total / (double)max;
        var sample = new List<string>(count);
        var entry = 0;
        var entryFirst = 0L;
        for (var k = 0; k < count; k++)
        {
            long p = total <= max ? k : (int)(k * step);
            while (p >= entryFirst + sentences[entry].Count)
            {
                entryFirst += sentences[entry].Count;
                entry++;
            }

            var s = (int)(p - entryFirst);
            sample.Add(Quotes.QuoteText.Join(sentences[entry], s, Math.Min(WindowSentences, sentences[entry].Count - s)));
        }

        return sample;
    }

    /// <summary>What the ML.NET embedder reads for a passage: its analysed terms joined by spaces. The analyser
    /// works word by word, so a passage's terms are its sentences' terms in order, and they are joined from the
    /// lexical build rather than analysed again.</summary>
    private static string PreparedText(BuildResult built, int passage)
    {
        var e = built.PassageTurn[passage];
        var starts = built.SentenceStarts[e];
        var doc = built.TurnDocs[e];
        var s = built.PassageFirst[passage];
        var from = starts[s];
        var to = starts[s + built.PassageCount[passage]];
        var length = Math.Max(0, to - from - 1);
        for (var at = from; at < to; at++)
        {
            length += built.Terms[doc[at]].Length;
        }

        return string.Create(length, (built.Terms, doc, from, to), static (span, state) =>
        {
            var (terms, doc, from, to) = state;
            var at = 0;
            for (var k = from; k < to; k++)
            {
                if (k > from)
                {
                    span[at++] = ' ';
                }

                terms[doc[k]].CopyTo(span[at..]);
                at += terms[doc[k]].Length;
            }
        });
    }

    private static (float[] Embeddings, int Dimensions) EmbedAll(IEmbeddingGenerator<string, Embedding<float>> embedder, string[] texts)
    {
        if (texts.Length == 0)
        {
            return ([], 0);
        }

        const int batch = 4096;
        var batches = (texts.Length + batch - 1) / batch;
        var results = new float[batches][][];
        Parallel.For(0, batches, b =>
        {
            var slice = texts.AsSpan(b * batch, Math.Min(batch, texts.Length - (b * batch))).ToArray();
            var generated = embedder.GenerateAsync(slice).GetAwaiter().GetResult();
            results[b] = generated.Select(g => g.Vector.ToArray()).ToArray();
        });

        var dims = results[0][0].Length;
        var flat = new float[texts.Length * dims];
        var at = 0;
        foreach (var vectors in results)
        {
            foreach (var v in vectors)
            {
                v.CopyTo(flat, at);
                at += dims;
            }
        }

        return (flat, dims);
    }
}
