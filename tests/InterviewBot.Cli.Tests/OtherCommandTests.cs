using System.Text.Json;

namespace InterviewBot.Cli.Tests;

public sealed class OtherCommandTests
{
    [Fact]
    public async Task Qotd_is_deterministic_per_date_and_prints_the_date()
    {
        var a = await Cli.RunAsync("qotd", "--date", "2026-05-01", "--json", "--no-cache");
        var b = await Cli.RunAsync("qotd", "--date", "2026-05-01", "--json", "--no-cache");
        Assert.Equal(0, a.ExitCode);
        Assert.Equal(a.Out, b.Out);
        using var doc = JsonDocument.Parse(a.Out);
        Assert.Equal("2026-05-01", doc.RootElement.GetProperty("date").GetString());
        Assert.Equal("Joe Russo", doc.RootElement.GetProperty("quote").GetProperty("speaker").GetString());
    }

    [Fact]
    public async Task Qotd_rejects_a_malformed_date()
    {
        var r = await Cli.RunAsync("qotd", "--date", "01/05/2026");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("YYYY-MM-DD", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quote_by_speaker_returns_that_speakers_words_and_unknown_interviews_are_errors()
    {
        var r = await Cli.RunAsync("quote", "--speaker", "Russo", "--seed", "7", "--json", "--no-cache");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("Joe Russo", doc.RootElement.GetProperty("speaker").GetString());

        var missing = await Cli.RunAsync("quote", "--interview", "no-such-id", "--no-cache");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no interview with id 'no-such-id'", missing.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quote_search_finds_the_passage()
    {
        var r = await Cli.RunAsync("quote", "--search", "stunt visualization", "--no-cache");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("stunt-vis", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interviews_lists_counts_and_skipped_files_with_reasons()
    {
        using var dir = new TempDir();
        File.Copy(RepoPaths.SeedTranscript, Path.Combine(dir.Path, "seed.txt"));
        File.Copy(Path.ChangeExtension(RepoPaths.SeedTranscript, ".yaml"), Path.Combine(dir.Path, "seed.yaml"));
        dir.Write("broken.vtt", "WEBVTT\n\nnot a cue\n");
        var r = await Cli.RunAsync("interviews", "--corpus", dir.Path);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("russo-extraction-heat-2020", r.Out, StringComparison.Ordinal);
        Assert.Matches(@"turns \d+\tpassages \d+", r.Out);
        Assert.Contains("1 interviews", r.Out, StringComparison.Ordinal);
        Assert.Contains("skipped " + Path.Combine(dir.Path, "broken.vtt") + ":", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_prints_the_metrics_and_the_misses()
    {
        using var dir = new TempDir();
        var file = dir.Write("dev.jsonl", """
            {"id":"d1","question":"Why is Heat hard to beat?","evidence":["that’s why it’s very hard to beat"],"answerable":true,"speaker":"Joe Russo"}
            {"id":"d2","question":"Who won the 2022 World Cup?","evidence":[],"answerable":false}
            """);
        var r = await Cli.RunAsync("eval", file, "--no-cache");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("questions 2 (answerable 1, unanswerable 1)", r.Out, StringComparison.Ordinal);
        Assert.Contains("hit@1 1.000  hit@3 1.000  MRR@10 1.000", r.Out, StringComparison.Ordinal);
        Assert.Contains("abstained on unanswerable 1.000  false abstentions 0.000", r.Out, StringComparison.Ordinal);
        Assert.Contains("non-verbatim quotes 0", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_options_switch_on_dense_reranking_and_bad_options_are_one_line_errors()
    {
        using var dir = new TempDir();
        var file = dir.Write("dev.jsonl", "{\"id\":\"d1\",\"question\":\"What is stunt visualization?\",\"evidence\":[\"stunt-vis, which is stunt visualization\"],\"answerable\":true}\n");
        var dense = await Cli.RunAsync("eval", file, "--option", "DenseWeight=0.3", "--no-cache");
        Assert.Equal(0, dense.ExitCode);
        Assert.Contains("hit@1 1.000", dense.Out, StringComparison.Ordinal);
        var bad = await Cli.RunAsync("eval", file, "--option", "Nonsense=1", "--no-cache");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("unknown retrieval option 'Nonsense'", bad.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_with_a_missing_file_fails_clearly()
    {
        var r = await Cli.RunAsync("eval", "/nonexistent/dev.jsonl");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("error: eval file not found: /nonexistent/dev.jsonl", r.Err.Trim());
    }
}
