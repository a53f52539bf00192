using System.CommandLine;

namespace InterviewBot.Cli.Commands;

/// <summary><c>bench</c>: index build throughput, query latency, memory and cold start on synthetic corpora.</summary>
internal static class BenchCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("bench", "Benchmark index build and query latency on synthetic corpora.");
        Func<ParseResult, int> action = _ => throw new CliException("bench is not built yet", CliApp.Failure);
        command.SetAction(action);
        return command;
    }
}
