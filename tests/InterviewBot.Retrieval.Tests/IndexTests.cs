using InterviewBot.Core;
using InterviewBot.Retrieval.Embeddings;
using InterviewBot.Retrieval.Index;
using InterviewBot.Retrieval.Quotes;

namespace InterviewBot.Retrieval.Tests;

public sealed class IndexTests
{
    [Fact]
    public void Bm25_ranks_the_document_with_more_and_rarer_query_terms_first()
    {
        var index = new Bm25Index([[0, 1, 2], [0, 0, 3], [4, 5], [0, 4]], termCount: 6);
        var scores = new double[4];
        var seen = new bool[4];
        var touched = new List<int>();
        index.Accumulate([0, 1], 1, scores, seen, touched);
        Assert.Equal(0, Array.IndexOf(scores, scores.Max()));
        Assert.Equal([0, 1, 3], touched.Order().ToArray());
        Assert.Equal(0, scores[2]);
        Assert.Equal(scores[1], index.ScoreOne([0, 1], 1), 5);
        index.Accumulate([1], 2, scores, seen, touched);
        Assert.Equal(3, touched.Count);
        Assert.True(index.IdfOf(-1) > index.IdfOf(1));
        Assert.True(index.IdfOf(1) > index.IdfOf(0));
    }

    [Fact]
    public async Task Mlnet_embeddings_are_unit_length_and_put_related_text_closer()
    {
        var texts = Enumerable.Range(0, 20).Select(i => i % 2 == 0
            ? $"The bank heist scene in the movie was loud and visceral, take {i}."
            : $"Video games and arcades shaped our childhood storytelling, round {i}.").ToList();
        using var embedder = MlNetEmbeddingGenerator.Fit(texts);
        var v = await embedder.GenerateAsync(["a visceral bank heist in a movie", "arcade video games in childhood", texts[0]]);
        float Dot(int a, int b) => System.Numerics.Tensors.TensorPrimitives.Dot(v[a].Vector.Span, v[b].Vector.Span);
        Assert.Equal(1f, Dot(0, 0), 3);
        Assert.True(Dot(0, 2) > Dot(1, 2));
    }

    [Fact]
    public void A_saved_embedder_loads_and_embeds_identically()
    {
        var texts = Enumerable.Range(0, 20).Select(i => $"sentence number {i} about topic {i % 4}").ToList();
        using var embedder = MlNetEmbeddingGenerator.Fit(texts);
        using var stream = new MemoryStream();
        embedder.Save(stream);
        stream.Position = 0;
        using var loaded = MlNetEmbeddingGenerator.Load(stream);
        Assert.Equal(embedder.EmbedOne("topic 3 sentence"), loaded.EmbedOne("topic 3 sentence"));
    }

    [Fact]
    public void The_cache_serves_an_unchanged_corpus_and_never_a_changed_one()
    {
        using var cache = new TempDir();
        using var corpusDir = new TempDir();
        corpusDir.Write("a.txt", "Where did you grow up?\n\nIn Oslo, by the sea. It was cold in winter.\n");
        var corpus = CorpusLoader.Load([corpusDir.Path]);
        var built = IndexCache.LoadOrBuild(corpus, cache.Path);
        var entries = Directory.GetDirectories(cache.Path);
        Assert.Single(entries);

        var again = IndexCache.LoadOrBuild(CorpusLoader.Load([corpusDir.Path]), cache.Path);
        Assert.Equal(built.Embeddings, again.Embeddings);
        Assert.Single(Directory.GetDirectories(cache.Path));

        corpusDir.Write("a.txt", "Where did you grow up?\n\nIn Bergen, by the fjords. It rained every day.\n");
        var changed = CorpusLoader.Load([corpusDir.Path]);
        Assert.NotEqual(IndexCache.Fingerprint(corpus), IndexCache.Fingerprint(changed));
        var rebuilt = IndexCache.LoadOrBuild(changed, cache.Path);
        Assert.Equal(2, Directory.GetDirectories(cache.Path).Length);
        Assert.Contains("Bergen", rebuilt.PassageText(0), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_embeddings_nothing_is_cached_and_dense_ranking_is_refused_clearly()
    {
        using var cache = new TempDir();
        var index = IndexCache.LoadOrBuild(CorpusLoader.Load([RepoPaths.Seeds]), cache.Path, embeddings: false);
        Assert.Null(index.Embedder);
        Assert.Empty(Directory.GetFileSystemEntries(cache.Path));
        Assert.True((await new Retriever(index).AskAsync(new SearchRequest("What is stunt visualization?"))).Answered);
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new Retriever(index, RetrievalOptions.Default.With("DenseWeight=0.3")).AskAsync(new SearchRequest("What is stunt visualization?")));
        Assert.Contains("embeddings", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_cache_entry_is_rebuilt()
    {
        using var cache = new TempDir();
        var corpus = CorpusLoader.Load([RepoPaths.Seeds]);
        IndexCache.LoadOrBuild(corpus, cache.Path);
        var entry = Directory.GetDirectories(cache.Path).Single();
        File.WriteAllBytes(Path.Combine(entry, "embeddings.bin"), [1, 2, 3]);
        var index = IndexCache.LoadOrBuild(corpus, cache.Path);
        Assert.Equal(index.PassageTotal * index.Dimensions, index.Embeddings.Length);
    }

    [Fact]
    public void An_overlong_sentence_is_cut_at_words_with_ellipses_around_the_focus()
    {
        var words = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"w{i}"));
        var cut = QuoteText.Fit(words, focus: words.IndexOf("w100", StringComparison.Ordinal));
        Assert.True(cut.Length <= QuoteText.MaxLength);
        Assert.StartsWith("…", cut, StringComparison.Ordinal);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
        Assert.Contains("w100 ", cut, StringComparison.Ordinal);
        Assert.All(cut.Trim('…').Split(' '), w => Assert.Matches("^w\\d+$", w));
    }
}
