using InterviewBot.Core;
using InterviewBot.Core.Model;
using InterviewBot.Retrieval;
using InterviewBot.Retrieval.Index;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Library;

/// <summary>Loads the corpus and its index as the host starts. The load runs once every service has started (the
/// "started" stage), so the web server already answers <c>/healthz</c>, and <c>/readyz</c> says "still loading", while
/// a large corpus is indexed; chat requests that arrive meanwhile wait for it. A corpus with no loadable interview
/// still stops start-up; a bad file is logged and skipped. <see cref="CorpusWatcher"/> reloads it later.</summary>
internal sealed partial class LibraryLoader(
    LibraryHolder holder, IOptions<CorpusOptions> corpus, IOptions<IndexOptions> index, TimeProvider time, ILogger<LibraryLoader> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.Run(() =>
    {
        var started = time.GetTimestamp();
        var library = Load(corpus.Value, index.Value, logger);
        holder.Replace(library, LibraryReload.Loaded(library, time.GetUtcNow(), time.GetElapsedTime(started), "start"));
    }, cancellationToken);

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Reads, parses and indexes the configured corpus, logging each skipped file. Throws
    /// <see cref="LibraryLoadException"/> when a configured path is missing or no interview loads.</summary>
    public static QuoteLibrary Load(CorpusOptions corpusOptions, IndexOptions indexOptions, ILogger logger)
    {
        var paths = Paths(corpusOptions);
        foreach (var p in paths.Where(p => !Directory.Exists(p) && !File.Exists(p)))
        {
            throw new LibraryLoadException($"Corpus:Directories: '{p}' does not exist", []);
        }

        var loaded = CorpusLoader.Load(paths);
        foreach (var s in loaded.Skipped)
        {
            LogSkipped(logger, s.Path, s.Reason);
        }

        if (loaded.Interviews.Count == 0)
        {
            var why = loaded.Skipped.Count == 0 ? "no transcripts found" : $"all {loaded.Skipped.Count} transcripts were skipped";
            throw new LibraryLoadException($"Corpus:Directories: no interviews could be loaded from {string.Join(", ", paths)} ({why})", loaded.Skipped);
        }

        var options = RetrievalOptions.Default;
        var library = new QuoteLibrary(new Retriever(IndexCache.LoadOrBuild(loaded, CacheDirectory(indexOptions), options.UsesEmbeddings), options));
        LogLoaded(logger, loaded.Interviews.Count, library.Retriever.Index.PassageTotal);
        return library;
    }

    /// <summary>The configured corpus paths (seeds/ when none), resolved by <see cref="Resolve"/>.</summary>
    public static IReadOnlyList<string> Paths(CorpusOptions options) =>
        (options.Directories.Count > 0 ? options.Directories : ["seeds"]).Select(Resolve).ToList();

    /// <summary>Where the index cache lives: INTERVIEWBOT_CACHE, else <c>Index:CacheDirectory</c>, else the user's
    /// cache directory; "none" means no cache.</summary>
    public static string? CacheDirectory(IndexOptions options) =>
        (Environment.GetEnvironmentVariable("INTERVIEWBOT_CACHE") is { Length: > 0 } env ? env : options.CacheDirectory) switch
        {
            null or "" => IndexCache.DefaultDirectory,
            "none" => null,
            var dir => dir,
        };

    /// <summary>A relative path is taken from the working directory when it exists there, else from beside the
    /// program (where the build copies seeds/).</summary>
    private static string Resolve(string path)
    {
        if (Path.IsPathRooted(path) || Directory.Exists(path) || File.Exists(path))
        {
            return path;
        }

        var bundled = Path.Combine(AppContext.BaseDirectory, path);
        return Directory.Exists(bundled) || File.Exists(bundled) ? bundled : path;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped transcript {Path}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Corpus loaded: {Interviews} interviews, {Passages} passages")]
    private static partial void LogLoaded(ILogger logger, int interviews, int passages);
}

/// <summary>The corpus could not be loaded at all. <see cref="Skipped"/> lists the files that were tried and why each
/// failed.</summary>
internal sealed class LibraryLoadException(string message, IReadOnlyList<SkippedFile> skipped) : InvalidOperationException(message)
{
    public IReadOnlyList<SkippedFile> Skipped { get; } = skipped;
}
