using InterviewBot.Core.Model;
using InterviewBot.Retrieval.Embeddings;
using InterviewBot.Retrieval.Text;
using Microsoft.Extensions.AI;

namespace InterviewBot.Retrieval.Index;

/// <summary>The searchable form of a corpus. A passage is a window of up to three consecutive sentences of one
/// answer (or narration) turn, starting at each sentence. Three BM25 indexes cover the passages, the whole turns and
/// the interviewer's questions the turns answer; each passage also has a dense embedding.</summary>
public sealed class PassageIndex
{
    public const int WindowSentences = 3;

    internal PassageIndex(Corpus corpus, IEmbeddingGenerator<string, Embedding<float>> embedder, BuildResult built, float[] embeddings, int dimensions)
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
    public IEmbeddingGenerator<string, Embedding<float>> Embedder { get; }
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

    /// <summary>Builds the index, fitting the ML.NET embedder on the corpus.</summary>
    public static PassageIndex Build(Corpus corpus) => Build(corpus, embedder: null);

    /// <summary>Builds the index with a given embedder (null: fit the ML.NET one on this corpus).</summary>
    public static PassageIndex Build(Corpus corpus, IEmbeddingGenerator<string, Embedding<float>>? embedder)
    {
        var built = BuildLexical(corpus);
        var texts = new string[built.PassageTurn.Length];
        Parallel.For(0, texts.Length, p =>
        {
            var (i, t) = built.Turns[built.PassageTurn[p]];
            texts[p] = Quotes.QuoteText.Join(corpus.Interviews[i].Turns[t].Sentences, built.PassageFirst[p], built.PassageCount[p]);
        });

        embedder ??= MlNetEmbeddingGenerator.Fit(Sample(texts, 20_000));
        var (embeddings, dims) = EmbedAll(embedder, texts);
        return new PassageIndex(corpus, embedder, built, embeddings, dims);
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

    internal sealed record BuildResult(
        (int, int)[] Turns, int[] TurnFirstPassage, int[] PassageTurn, int[] PassageFirst, byte[] PassageCount,
        Vocabulary Vocabulary, Bm25Index Windows, Bm25Index TurnText, Bm25Index Context, int[][] SpeakerTerms);

    private static BuildResult BuildLexical(Corpus corpus)
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

        // Analyse sentences in parallel, then assign term ids in a fixed order so the index is deterministic.
        var sentenceTerms = new List<string>[turns.Count][];
        var contextTerms = new List<string>[turns.Count];
        Parallel.For(0, turns.Count, e =>
        {
            var (i, t) = turns[e];
            var turn = corpus.Interviews[i].Turns[t];
            sentenceTerms[e] = turn.Sentences.Select(s => Analyzer.Terms(s.Text)).ToArray();
            contextTerms[e] = turn.Context is null ? [] : Analyzer.Terms(turn.Context);
        });

        var vocab = new Vocabulary();
        var turnFirst = new int[turns.Count + 1];
        var passageTurn = new List<int>();
        var passageFirst = new List<int>();
        var passageCount = new List<byte>();
        var windowDocs = new List<int[]>();
        var turnDocs = new int[turns.Count][];
        var contextDocs = new int[turns.Count][];
        var speakerTerms = new int[turns.Count][];
        for (var e = 0; e < turns.Count; e++)
        {
            var ids = sentenceTerms[e].Select(s => s.Select(vocab.GetOrAdd).ToArray()).ToArray();
            turnDocs[e] = ids.SelectMany(x => x).ToArray();
            contextDocs[e] = contextTerms[e].Select(vocab.GetOrAdd).ToArray();
            var (i, t) = turns[e];
            speakerTerms[e] = Analyzer.Terms(corpus.Interviews[i].Turns[t].Speaker).Select(vocab.GetOrAdd).ToArray();
            turnFirst[e] = passageTurn.Count;
            for (var s = 0; s < ids.Length; s++)
            {
                var count = Math.Min(WindowSentences, ids.Length - s);
                passageTurn.Add(e);
                passageFirst.Add(s);
                passageCount.Add((byte)count);
                windowDocs.Add(ids.Skip(s).Take(count).SelectMany(x => x).ToArray());
            }
        }

        turnFirst[turns.Count] = passageTurn.Count;
        return new BuildResult(turns.ToArray(), turnFirst, passageTurn.ToArray(), passageFirst.ToArray(), passageCount.ToArray(),
            vocab, new Bm25Index(windowDocs, vocab.Count), new Bm25Index(turnDocs, vocab.Count), new Bm25Index(contextDocs, vocab.Count),
            speakerTerms);
    }

    /// <summary>An evenly spread sample, so fitting stays fast on very large corpora.</summary>
    private static IReadOnlyList<string> Sample(string[] texts, int max)
    {
        if (texts.Length <= max)
        {
            return texts;
        }

        var step = texts.Length / (double)max;
        return Enumerable.Range(0, max).Select(i => texts[(int)(i * step)]).ToList();
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
            var slice = texts.Skip(b * batch).Take(batch).ToList();
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
