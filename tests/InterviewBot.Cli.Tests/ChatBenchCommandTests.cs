using System.Text.RegularExpressions;

namespace InterviewBot.Cli.Tests;

/// <summary>A smoke test of <c>bench --chat</c>: a tiny load run of the real host prints its table with no errors
/// (no timing assertions).</summary>
public sealed class ChatBenchCommandTests
{
    [Fact]
    public async Task Bench_chat_prints_the_load_table_with_no_errors()
    {
        var r = await Cli.RunAsync("bench", "--chat", "--concurrency", "4", "--requests", "20");

        Assert.True(r.ExitCode == 0, r.Err + r.Out);
        Assert.Contains("| phase | requests | errors | throughput (req/s) | p50 (ms) | p99 (ms) | max (ms) |", r.Out, StringComparison.Ordinal);
        foreach (var phase in new[] { "Discord /ask interaction", "Slack /ask slash command ack", "Slack /ask answer delivered to response_url" })
        {
            var row = Regex.Match(r.Out, $@"^\| {Regex.Escape(phase)}[^|]* \| (?<requests>[\d,]+) \| (?<errors>[\d,]+) \|", RegexOptions.Multiline);
            Assert.True(row.Success, $"no row for {phase} in:\n{r.Out}");
            Assert.Equal("20", row.Groups["requests"].Value);
            Assert.Equal("0", row.Groups["errors"].Value);
        }

        Assert.Contains("4 concurrent clients, 20 signed /ask requests per phase", r.Out, StringComparison.Ordinal);
        Assert.Contains("0 answers missing", r.Out, StringComparison.Ordinal);
    }
}
