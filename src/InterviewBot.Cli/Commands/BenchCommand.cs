using System.CommandLine;
using System.Globalization;
using InterviewBot.Chat.Hosting;
using InterviewBot.Retrieval.Benchmarks;

namespace InterviewBot.Cli.Commands;

/// <summary><c>bench</c>: index build throughput, query latency, memory and cold start on synthetic corpora; prints
/// a Markdown table (progress goes to stderr). With <c>--chat</c>, a load run of the chat endpoints instead
/// (<see cref="ChatLoadRun"/>).</summary>
internal static class BenchCommand
{
    public const string ColdStartQuestion = "Why is Heat still the touchstone for action movies?";

    public static Command Create(TextWriter stdout)
    {
        var sizes = new Option<string>("--sizes") { Description = "Comma-separated corpus sizes in passages.", DefaultValueFactory = _ => "10000,100000,1000000" };
        var queries = new Option<int>("--queries") { Description = "Timed queries per size.", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic corpora and queries.", DefaultValueFactory = _ => 42 };
        var coldStart = new Option<bool>("--cold-start") { Description = "Also time a fresh 'interviewbot ask' on seeds/ (empty and warm cache); --cold-start false skips it.", DefaultValueFactory = _ => true };
        var chat = new Option<bool>("--chat") { Description = "Instead: a load run of the chat host (signed Discord interactions, then Slack slash commands) on loopback over seeds/." };
        var concurrency = new Option<int>("--concurrency") { Description = "With --chat: concurrent clients.", DefaultValueFactory = _ => 200 };
        var requests = new Option<int>("--requests") { Description = "With --chat: signed requests per platform, after the warm-up.", DefaultValueFactory = _ => 4000 };
        var command = new Command("bench", "Benchmark index build and query latency on synthetic corpora.") { sizes, queries, seed, coldStart, CorpusSource.RetrievalOption, chat, concurrency, requests };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(chat))
            {
                return await ChatAsync(stdout, parse.GetValue(concurrency), parse.GetValue(requests), ct).ConfigureAwait(false);
            }

            var sizeList = ParseSizes(parse.GetValue(sizes));
            var n = parse.GetValue(queries);
            if (n < 1)
            {
                throw new CliException("--queries must be at least 1");
            }

            var s = parse.GetValue(seed);
            ColdStartResult? cold = null;
            if (parse.GetValue(coldStart))
            {
                await Console.Error.WriteLineAsync("bench: cold start (empty cache, then warm cache)").ConfigureAwait(false);
                var (file, args) = SelfCommand();
                try
                {
                    cold = await BenchmarkRunner.ColdStartAsync(file, [.. args, "ask", ColdStartQuestion, "--corpus", SeedsDirectory()], ColdStartQuestion, ct).ConfigureAwait(false);
                }
                catch (InvalidOperationException ex)
                {
                    throw new CliException(ex.Message, CliApp.Failure);
                }
            }

            var results = await BenchmarkRunner.RunAsync(sizeList, n, s, Console.Error, ct, CorpusSource.Settings(parse)).ConfigureAwait(false);
            await stdout.WriteAsync(BenchmarkRunner.ToMarkdown(results, cold, s)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static async Task<int> ChatAsync(TextWriter stdout, int concurrency, int requests, CancellationToken ct)
    {
        if (concurrency < 1 || requests < 1)
        {
            throw new CliException("--concurrency and --requests must be at least 1");
        }

        var settings = new ChatLoadSettings { Concurrency = concurrency, Requests = requests, Corpus = SeedsDirectory() };
        var report = await ChatLoadRun.RunAsync(settings, Console.Error, ct).ConfigureAwait(false);
        await stdout.WriteAsync(report.ToMarkdown()).ConfigureAwait(false);
        return report.Errors == 0 ? 0 : CliApp.Failure;
    }

    private static int[] ParseSizes(string? text)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sizes = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i].Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out sizes[i]) || sizes[i] < 1)
            {
                throw new CliException($"--sizes must be positive whole numbers separated by commas, got '{parts[i]}'");
            }
        }

        return sizes.Length > 0 ? sizes : throw new CliException("--sizes is empty");
    }

    /// <summary>How to start this CLI afresh: its own executable, the apphost beside it, or <c>dotnet interviewbot.dll</c>.</summary>
    private static (string File, string[] Args) SelfCommand()
    {
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self).Equals("interviewbot", StringComparison.OrdinalIgnoreCase))
        {
            return (self, []);
        }

        var dll = typeof(BenchCommand).Assembly.Location;
        var apphost = Path.ChangeExtension(dll, OperatingSystem.IsWindows() ? ".exe" : null);
        if (File.Exists(apphost))
        {
            return (apphost, []);
        }

        var dotnet = self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? self : "dotnet";
        return (dotnet, [dll]);
    }

    /// <summary>The repository's seeds/ from the current directory, else the copy beside the program.</summary>
    private static string SeedsDirectory()
    {
        var local = Path.GetFullPath("seeds");
        return Directory.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, "seeds");
    }
}
