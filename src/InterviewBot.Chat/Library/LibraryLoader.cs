using InterviewBot.Core;
using InterviewBot.Retrieval;
using InterviewBot.Retrieval.Index;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Library;

/// <summary>Loads the corpus and its index when the host starts. A corpus with no loadable interview stops start-up;
/// a bad file is logged and skipped.</summary>
internal sealed partial class LibraryLoader(
    LibraryHolder holder, IOptions<CorpusOptions> corpus, IOptions<IndexOptions> index, ILogger<LibraryLoader> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        holder.Replace(Load(corpus.Value, index.Value, logger));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static QuoteLibrary Load(CorpusOptions corpusOptions, IndexOptions indexOptions, ILogger logger)
    {
        var paths = (corpusOptions.Directories.Count > 0 ? corpusOptions.Directories : ["seeds"]).Select(Resolve).ToList();
        foreach (var p in paths.Where(p => !Directory.Exists(p) && !File.Exists(p)))
        {
            throw new InvalidOperationException($"Corpus:Directories: '{p}' does not exist");
        }

        var loaded = CorpusLoader.Load(paths);
        foreach (var s in loaded.Skipped)
        {
            LogSkipped(logger, s.Path, s.Reason);
        }

        if (loaded.Interviews.Count == 0)
        {
            throw new InvalidOperationException($"Corpus:Directories: no interviews could be loaded from {string.Join(", ", paths)}");
        }

        var cache = indexOptions.CacheDirectory switch
        {
            null or "" => IndexCache.DefaultDirectory,
            "none" => null,
            var dir => dir,
        };
        var options = RetrievalOptions.Default;
        var library = new QuoteLibrary(new Retriever(IndexCache.LoadOrBuild(loaded, cache, options.UsesEmbeddings), options));
        LogLoaded(logger, loaded.Interviews.Count, library.Retriever.Index.PassageTotal);
        return library;
    }

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
