using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using InterviewBot.Retrieval.Index;

namespace InterviewBot.Retrieval.Benchmarks;

/// <summary>One corpus size: index build throughput, query latency and peak memory.</summary>
/// <param name="Passages">Passages in the built index.</param>
/// <param name="Interviews">Synthetic interviews holding them.</param>
/// <param name="BuildSeconds">Wall time of the index build: the lexical indexes, plus the embedder fit and the
/// embeddings when the dense weight is not 0.</param>
/// <param name="QueryP50Ms">Median latency of one <see cref="Retriever.AskAsync"/> call.</param>
/// <param name="QueryP99Ms">99th-percentile latency (nearest rank).</param>
/// <param name="PeakMemoryMb">Peak working set of the process while this size was built and queried (corpus included).</param>
/// <param name="Queries">Timed queries (after the warm-up).</param>
/// <param name="Answered">Timed queries that were answered rather than abstained on.</param>
public sealed record BenchmarkResult(
    int Passages, int Interviews, double BuildSeconds, double QueryP50Ms, double QueryP99Ms, double PeakMemoryMb, int Queries, int Answered)
{
    public double PassagesPerSecond => BuildSeconds > 0 ? Passages / BuildSeconds : 0;
}

/// <summary>Wall time of a fresh process answering one question, with an empty and with a warm index cache.</summary>
public sealed record ColdStartResult(string Question, double EmptyCacheSeconds, double WarmCacheSeconds);

/// <summary>Runs the benchmark: per corpus size, generates a <see cref="SyntheticCorpus"/>, times the index build,
/// runs warm-up queries and then timed queries one at a time, and records peak memory.</summary>
public static class BenchmarkRunner
{
    public const int WarmupQueries = 20;

    /// <summary>Runs the sizes smallest first (so a process-wide peak, where it cannot be reset, belongs to the size
    /// that set it), collecting garbage between sizes.</summary>
    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync(
        IEnumerable<int> sizes, int queries, int seed, TextWriter? progress = null, CancellationToken cancellationToken = default, RetrievalOptions? options = null)
    {
        var results = new List<BenchmarkResult>();
        foreach (var size in sizes.Order())
        {
            results.Add(await RunOneAsync(size, queries, seed, progress, cancellationToken, options).ConfigureAwait(false));
            Collect();
        }

        return results;
    }

    public static async Task<BenchmarkResult> RunOneAsync(
        int passages, int queries, int seed, TextWriter? progress = null, CancellationToken cancellationToken = default, RetrievalOptions? options = null)
    {
        options ??= RetrievalOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(passages, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(queries, 1);
        var inv = CultureInfo.InvariantCulture;
        progress?.WriteLine(string.Create(inv, $"bench: generating {passages:N0} passages (seed {seed})"));
        var generator = new SyntheticCorpus(seed);
        var corpus = generator.Generate(passages);
        var warmup = generator.Queries(corpus, WarmupQueries, salt: 1);
        var timed = generator.Queries(corpus, queries, salt: 2);

        Collect();
        ResetPeakMemory();
        progress?.WriteLine(string.Create(inv, $"bench: building the index over {passages:N0} passages"));
        var clock = Stopwatch.StartNew();
        var index = IndexCache.LoadOrBuild(corpus, directory: null, embeddings: options.UsesEmbeddings);
        var buildSeconds = clock.Elapsed.TotalSeconds;

        var retriever = new Retriever(index, options);
        progress?.WriteLine(string.Create(inv, $"bench: built in {buildSeconds:0.00} s; {WarmupQueries} warm-up and {queries} timed queries"));
        foreach (var q in warmup)
        {
            await retriever.AskAsync(new SearchRequest(q), cancellationToken).ConfigureAwait(false);
        }

        var latencies = new double[timed.Count];
        var answered = 0;
        for (var i = 0; i < timed.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = Stopwatch.GetTimestamp();
            var answer = await retriever.AskAsync(new SearchRequest(timed[i]), cancellationToken).ConfigureAwait(false);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            answered += answer.Answered ? 1 : 0;
        }

        var peak = PeakMemoryMb();
        Array.Sort(latencies);
        var result = new BenchmarkResult(index.PassageTotal, corpus.Interviews.Count, buildSeconds,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), peak, latencies.Length, answered);
        progress?.WriteLine(string.Create(inv,
            $"bench: {result.Passages:N0} passages: {result.PassagesPerSecond:N0} passages/s, p50 {result.QueryP50Ms:0.00} ms, p99 {result.QueryP99Ms:0.00} ms, peak {result.PeakMemoryMb:N0} MB, answered {answered}/{latencies.Length}"));
        return result;
    }

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/> twice with the environment
    /// variable INTERVIEWBOT_CACHE set to a new empty directory, timing each run from start to exit: the first run
    /// fits and caches the index, the second loads it.</summary>
    public static async Task<ColdStartResult> ColdStartAsync(
        string fileName, IReadOnlyList<string> arguments, string question, CancellationToken cancellationToken = default)
    {
        var cache = Path.Combine(Path.GetTempPath(), "interviewbot-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(cache);
        try
        {
            var empty = await TimeRunAsync(fileName, arguments, cache, cancellationToken).ConfigureAwait(false);
            var warm = await TimeRunAsync(fileName, arguments, cache, cancellationToken).ConfigureAwait(false);
            return new ColdStartResult(question, empty, warm);
        }
        finally
        {
            try
            {
                Directory.Delete(cache, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The report: a Markdown table with one row per corpus size, then the cold-start lines.</summary>
    public static string ToMarkdown(IReadOnlyList<BenchmarkResult> results, ColdStartResult? coldStart, int seed)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine("| passages | interviews | index build (s) | build throughput (passages/s) | query p50 (ms) | query p99 (ms) | peak memory (MB) |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            md.AppendLine(string.Create(inv,
                $"| {r.Passages:N0} | {r.Interviews:N0} | {r.BuildSeconds:0.00} | {r.PassagesPerSecond:N0} | {r.QueryP50Ms:0.00} | {r.QueryP99Ms:0.00} | {r.PeakMemoryMb:N0} |"));
        }

        md.AppendLine();
        if (coldStart is not null)
        {
            md.AppendLine(string.Create(inv, $"- Cold start to first answer, empty cache (first run): {coldStart.EmptyCacheSeconds:0.00} s"));
            md.AppendLine(string.Create(inv, $"- Cold start to first answer, warm cache (second run): {coldStart.WarmCacheSeconds:0.00} s"));
            md.AppendLine();
        }

        var queries = results.Count > 0 ? results[0].Queries : 0;
        md.Append(string.Create(inv,
            $"Synthetic corpora (seed {seed}); {queries} timed queries after {WarmupQueries} warm-up, one at a time; {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}."));
        if (coldStart is not null)
        {
            md.Append(string.Create(inv, $" Cold start: a new `interviewbot ask \"{coldStart.Question}\"` process on seeds/, start to exit."));
        }

        return md.AppendLine().ToString();
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    internal static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static async Task<double> TimeRunAsync(string fileName, IReadOnlyList<string> arguments, string cache, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["INTERVIEWBOT_CACHE"] = cache;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        await stdout.ConfigureAwait(false);
        var errors = await stderr.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"cold-start run exited with {process.ExitCode}: {errors.Trim()}");
        }

        return seconds;
    }

    private static void Collect()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>On Linux, resets the process's peak resident set (VmHWM) to its current size, so each corpus size
    /// reports its own peak. Elsewhere (or when not permitted) the peak stays process-wide.</summary>
    private static void ResetPeakMemory()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static double PeakMemoryMb()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.PeakWorkingSet64 / (1024.0 * 1024.0);
    }
}
