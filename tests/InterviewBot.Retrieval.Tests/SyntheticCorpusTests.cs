using InterviewBot.Core.Model;
using InterviewBot.Retrieval.Benchmarks;
using InterviewBot.Retrieval.Text;

namespace InterviewBot.Retrieval.Tests;

public sealed class SyntheticCorpusTests
{
    private static int Passages(Corpus corpus) =>
        corpus.Interviews.Sum(i => i.Turns.Where(t => t.Role != SpeakerRole.Interviewer).Sum(t => t.Sentences.Count));

    private static IEnumerable<string> Texts(Corpus corpus) =>
        corpus.Interviews.SelectMany(i => i.Turns.SelectMany(t => t.Sentences.Select(s => $"{i.Id}|{t.Index}|{t.Speaker}|{t.Role}|{t.Context}|{s.Text}")));

    [Fact]
    public void The_same_seed_gives_the_same_corpus_and_queries()
    {
        var a = new SyntheticCorpus(seed: 7);
        var b = new SyntheticCorpus(seed: 7);
        var corpusA = a.Generate(3_000);
        var corpusB = b.Generate(3_000);
        Assert.Equal(Texts(corpusA), Texts(corpusB));
        Assert.Equal(a.Queries(corpusA, 50), b.Queries(corpusB, 50));
    }

    [Fact]
    public void A_different_seed_gives_a_different_corpus()
    {
        Assert.NotEqual(Texts(new SyntheticCorpus(seed: 1).Generate(500)), Texts(new SyntheticCorpus(seed: 2).Generate(500)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(137)]
    [InlineData(10_000)]
    public void The_corpus_has_the_requested_number_of_passages(int passages)
    {
        Assert.Equal(passages, Passages(new SyntheticCorpus().Generate(passages)));
    }

    [Fact]
    public void Interviews_alternate_questions_and_answers_of_three_to_twelve_sentences_of_eight_to_twenty_five_words()
    {
        var corpus = new SyntheticCorpus().Generate(20_000);
        Assert.InRange(corpus.Interviews.Count, 100, 200);
        foreach (var interview in corpus.Interviews.SkipLast(1))
        {
            Assert.InRange(interview.Turns.Count, 36, 44);
            for (var t = 0; t < interview.Turns.Count; t++)
            {
                var turn = interview.Turns[t];
                Assert.Equal(t, turn.Index);
                Assert.Equal(t % 2 == 0 ? SpeakerRole.Interviewer : SpeakerRole.Interviewee, turn.Role);
                if (turn.Role == SpeakerRole.Interviewee)
                {
                    Assert.InRange(turn.Sentences.Count, 3, 12);
                    Assert.Equal(interview.Turns[t - 1].Sentences[0].Text, turn.Context);
                    Assert.All(turn.Sentences, s => Assert.InRange(s.Text.Split(' ').Length, 8, 25));
                }
            }
        }
    }

    [Fact]
    public void Word_frequencies_fall_off_like_natural_text()
    {
        var generator = new SyntheticCorpus();
        var counts = generator.Generate(20_000).Interviews
            .SelectMany(i => i.Turns.SelectMany(t => t.Sentences))
            .SelectMany(s => s.Text.ToLowerInvariant().Split(' ').Select(w => w.TrimEnd('.', ',', '?')))
            .GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        var total = counts.Values.Sum();

        // Function words carry a large share, and a made-up word's frequency falls with its rank.
        Assert.InRange(counts["the"] / (double)total, 0.01, 0.1);
        var words = generator.Vocabulary;
        Assert.True(counts.GetValueOrDefault(words[100]) > 5 * counts.GetValueOrDefault(words[5_000]));
        Assert.InRange(counts.Count, 20_000, 50_100);

        // Function words first (all stop words), then 50,000 made-up words that each index as a term of their own.
        var madeUp = words.SkipWhile(w => Analyzer.Terms(w).Count == 0).ToList();
        Assert.Equal(50_000, madeUp.Select(w => Analyzer.Terms(w).Single()).Distinct().Count());
    }

    [Fact]
    public void Queries_have_four_to_ten_words_and_most_share_terms_with_some_passage()
    {
        var generator = new SyntheticCorpus();
        var corpus = generator.Generate(5_000);
        var indexed = Texts(corpus).SelectMany(t => Analyzer.Terms(t.Split('|')[^1])).ToHashSet();
        var queries = generator.Queries(corpus, 100);
        Assert.Equal(100, queries.Count);
        Assert.All(queries, q => Assert.InRange(q.Split(' ').Length, 4, 10));
        Assert.True(queries.Count(q => Analyzer.QueryTerms(q).Count(indexed.Contains) >= 2) >= 90);
    }

    [Fact]
    public async Task A_tiny_benchmark_run_reports_positive_numbers()
    {
        var result = await BenchmarkRunner.RunOneAsync(passages: 2_000, queries: 10, seed: 42);
        Assert.Equal(2_000, result.Passages);
        Assert.True(result.Interviews > 0);
        Assert.True(result.BuildSeconds > 0);
        Assert.True(result.PassagesPerSecond > 0);
        Assert.True(result.QueryP50Ms > 0);
        Assert.True(result.QueryP99Ms >= result.QueryP50Ms);
        Assert.True(result.PeakMemoryMb > 0);
        Assert.Equal(10, result.Queries);
    }

    [Fact]
    public void The_report_is_a_markdown_table_with_a_row_per_size_and_the_cold_start_lines()
    {
        var rows = new[]
        {
            new BenchmarkResult(10_000, 68, 2.5, 0.5, 1.5, 300, 200, 195),
            new BenchmarkResult(100_000, 677, 10, 2, 8, 900, 200, 200),
        };
        var lines = BenchmarkRunner.ToMarkdown(rows, new ColdStartResult("Why?", 0.8, 0.4), seed: 42).Split('\n');
        Assert.StartsWith("| passages |", lines[0], StringComparison.Ordinal);
        Assert.Equal("| 10,000 | 68 | 2.50 | 4,000 | 0.50 | 1.50 | 300 |", lines[2]);
        Assert.Equal("| 100,000 | 677 | 10.00 | 10,000 | 2.00 | 8.00 | 900 |", lines[3]);
        Assert.Contains(lines, l => l.Contains("empty cache", StringComparison.Ordinal) && l.Contains("0.80 s", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("warm cache", StringComparison.Ordinal) && l.Contains("0.40 s", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { 5.0, 1, 4, 2, 3 }, 0.5, 3)]
    [InlineData(new[] { 5.0, 1, 4, 2, 3 }, 0.99, 5)]
    [InlineData(new[] { 7.0 }, 0.99, 7)]
    public void Percentiles_are_nearest_rank(double[] values, double p, double expected)
    {
        Array.Sort(values);
        Assert.Equal(expected, BenchmarkRunner.Percentile(values, p));
    }
}
