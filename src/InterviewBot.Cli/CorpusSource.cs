using System.CommandLine;
using InterviewBot.Chat.Hosting;
using InterviewBot.Chat.Library;
using InterviewBot.Core;
using InterviewBot.Core.Model;
using InterviewBot.Retrieval;
using InterviewBot.Retrieval.Index;
using Microsoft.Extensions.Configuration;

namespace InterviewBot.Cli;

/// <summary>Where the corpus comes from (--corpus, else Corpus:Directories as the host reads it, else the bundled seeds/) and how
/// its index is loaded (from the cache unless --no-cache).</summary>
internal static class CorpusSource
{
    public static readonly Option<string[]> CorpusOption = new("--corpus")
    {
        Description = "Transcript directory or file (repeatable). Default: Corpus:Directories in config/appsettings.json, else seeds/.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<bool> NoCacheOption = new("--no-cache") { Description = "Build the index from scratch and do not write the cache." };

    public static readonly Option<string[]> RetrievalOption = new("--option")
    {
        Description = "Override a ranking setting, e.g. DenseWeight=0.3 (repeatable).",
    };

    /// <summary>The default ranking settings with any --option overrides applied.</summary>
    public static RetrievalOptions Settings(ParseResult parse) =>
        (parse.GetValue(RetrievalOption) ?? []).Aggregate(RetrievalOptions.Default, (o, a) => o.With(a));

    public static void AddTo(Command command)
    {
        command.Add(CorpusOption);
        command.Add(NoCacheOption);
    }

    public static Corpus LoadCorpus(ParseResult parse)
    {
        IReadOnlyList<string> paths = parse.GetValue(CorpusOption) is { Length: > 0 } given ? given : LibraryLoader.Paths(Configured<CorpusOptions>(CorpusOptions.SectionName));
        foreach (var p in paths)
        {
            if (!Directory.Exists(p) && !File.Exists(p))
            {
                throw new CliException($"corpus not found: {p}", CliApp.Failure);
            }
        }

        var corpus = CorpusLoader.Load(paths);
        if (corpus.Interviews.Count == 0)
        {
            var why = corpus.Skipped.Count > 0 ? $": {corpus.Skipped.Count} file(s) skipped, first {corpus.Skipped[0].Path}: {corpus.Skipped[0].Reason}" : "";
            throw new CliException($"no interviews loaded from {string.Join(", ", paths)}{why}", CliApp.Failure);
        }

        return corpus;
    }

    public static Retriever LoadRetriever(ParseResult parse, TextWriter? warnings = null, RetrievalOptions? options = null)
    {
        var corpus = LoadCorpus(parse);
        foreach (var s in corpus.Skipped)
        {
            warnings?.WriteLine($"warning: skipped {s.Path}: {s.Reason}");
        }

        var cache = parse.GetValue(NoCacheOption) ? null : LibraryLoader.CacheDirectory(Configured<IndexOptions>(IndexOptions.SectionName));
        options ??= RetrievalOptions.Default;
        return new Retriever(IndexCache.LoadOrBuild(corpus, cache, embeddings: options.UsesEmbeddings), options);
    }

    /// <summary>A settings section as the host reads it (<see cref="BotHost.LoadConfiguration"/>).</summary>
    public static T Configured<T>(string section)
        where T : new() =>
        BotHost.LoadConfiguration().GetSection(section).Get<T>() ?? new T();
}
