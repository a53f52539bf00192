using System.Text.Json;

namespace InterviewBot.Cli.Tests;

public sealed class AskCommandTests
{
    [Fact]
    public async Task Ask_answers_from_the_bundled_seeds_with_quote_and_attribution()
    {
        var r = await Cli.RunAsync("ask", "Why is Heat still the touchstone for action movies?", "--no-cache");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("touchstone", r.Out, StringComparison.Ordinal);
        Assert.Contains("— Joe Russo, “Joe Russo on how Extraction reaches for the greatness of Heat”, Polygon, April 2020", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_json_has_the_documented_shape()
    {
        var r = await Cli.RunAsync("ask", "What is stunt visualization?", "--json", "--top", "2", "--corpus", RepoPaths.Seeds, "--no-cache");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.True(root.GetProperty("answered").GetBoolean());
        Assert.Equal("What is stunt visualization?", root.GetProperty("question").GetString());
        var quotes = root.GetProperty("quotes").EnumerateArray().ToList();
        Assert.Equal(2, quotes.Count);
        var q = quotes[0];
        Assert.Equal("Joe Russo", q.GetProperty("speaker").GetString());
        Assert.Equal("interviewee", q.GetProperty("role").GetString());
        Assert.Equal("Polygon", q.GetProperty("interview").GetProperty("outlet").GetString());
        Assert.Equal("russo-extraction-heat-2020", q.GetProperty("interview").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, q.GetProperty("timestamp").ValueKind);
        Assert.True(q.GetProperty("score").GetDouble() >= quotes[1].GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task An_unanswerable_question_says_so()
    {
        var r = await Cli.RunAsync("ask", "Who won the 2022 World Cup?", "--no-cache");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("The interviews never mention “2022”, so I can't answer that.", r.Out.Trim());
        var vague = await Cli.RunAsync("ask", "how long should an egg boil for a runny yolk", "--no-cache");
        Assert.Equal("I couldn't find anything in the interviews that answers that.", vague.Out.Trim());
    }

    [Theory]
    [InlineData(new[] { "ask", "" }, "the question is empty")]
    [InlineData(new[] { "ask" }, "the question is empty")]
    [InlineData(new[] { "ask", "hello", "--top", "0" }, "--top must be between 1 and 10")]
    [InlineData(new[] { "ask", "hello", "--bogus" }, "--bogus")]
    public async Task Bad_input_prints_one_clear_line_and_exits_2(string[] args, string message)
    {
        var r = await Cli.RunAsync([.. args, "--no-cache"]);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: ", r.Err, StringComparison.Ordinal);
        Assert.Contains(message, r.Err, StringComparison.Ordinal);
        Assert.Single(r.Err.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_question_over_a_thousand_characters_is_refused()
    {
        var r = await Cli.RunAsync("ask", new string('x', 1001), "--no-cache");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("limit is 1000", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_corpus_is_one_line_and_exit_1()
    {
        var r = await Cli.RunAsync("ask", "hello?", "--corpus", "/nonexistent/corpus", "--no-cache");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("error: corpus not found: /nonexistent/corpus", r.Err.Trim());
    }

    [Fact]
    public async Task Batch_answers_each_line_and_reports_bad_lines_without_losing_the_rest()
    {
        using var dir = new TempDir();
        var file = dir.Write("q.jsonl", """
            {"id":"1","question":"What is stunt visualization?"}
            {not json
            {"id":"3","question":""}
            {"id":4,"question":"Why is Heat hard to beat?"}
            """);
        var r = await Cli.RunAsync("ask", "--batch", file, "--json", "--corpus", RepoPaths.Seeds, "--no-cache");
        Assert.Equal(1, r.ExitCode);
        var lines = r.Out.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Equal("1", lines[0].GetProperty("id").GetString());
        Assert.True(lines[0].GetProperty("answered").GetBoolean());
        Assert.Contains("line 2", lines[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("empty", lines[2].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("4", lines[3].GetProperty("id").GetString());
        Assert.True(lines[3].GetProperty("answered").GetBoolean());
    }
}
