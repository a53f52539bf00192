using System.CommandLine;
using System.Text.Json;
using InterviewBot.Core;
using InterviewBot.Core.Model;
using InterviewBot.Retrieval;
using InterviewBot.Retrieval.Index;

namespace InterviewBot.Cli;

/// <summary>Where the corpus comes from (--corpus, else config/appsettings.json, else the bundled seeds/) and how
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
        var paths = parse.GetValue(CorpusOption) is { Length: > 0 } given ? given : ConfiguredDirectories();
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

        var cache = parse.GetValue(NoCacheOption) ? null : CacheDirectory();
        options ??= RetrievalOptions.Default;
        return new Retriever(IndexCache.LoadOrBuild(corpus, cache, embeddings: options.UsesEmbeddings), options);
    }

    private static string[] ConfiguredDirectories()
    {
        if (ConfigFile() is { } root && root.TryGetProperty("Corpus", out var c) && c.TryGetProperty("Directories", out var dirs)
            && dirs.ValueKind == JsonValueKind.Array && dirs.GetArrayLength() > 0)
        {
            return dirs.EnumerateArray().Select(d => Resolve(d.GetString() ?? "")).ToArray();
        }

        return [Resolve("seeds")];
    }

    private static string? CacheDirectory()
    {
        if (Environment.GetEnvironmentVariable("INTERVIEWBOT_CACHE") is { Length: > 0 } env)
        {
            return env;
        }

        if (ConfigFile() is { } root && root.TryGetProperty("Index", out var i) && i.TryGetProperty("CacheDirectory", out var d)
            && d.GetString() is { Length: > 0 } dir)
        {
            return dir;
        }

        return IndexCache.DefaultDirectory;
    }

    /// <summary>A relative corpus path is taken from the current directory when it exists there, else from beside
    /// the program (where the build copies seeds/).</summary>
    private static string Resolve(string path)
    {
        if (Path.IsPathRooted(path) || Directory.Exists(path) || File.Exists(path))
        {
            return path;
        }

        var bundled = Path.Combine(AppContext.BaseDirectory, path);
        return Directory.Exists(bundled) ? bundled : path;
    }

    private static JsonElement? ConfigFile()
    {
        var path = Environment.GetEnvironmentVariable("INTERVIEWBOT_CONFIG") is { Length: > 0 } env ? env
            : File.Exists(Path.Combine("config", "appsettings.json")) ? Path.Combine("config", "appsettings.json")
            : Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new CliException($"configuration {path} is not valid JSON: {ex.Message}", CliApp.Failure);
        }
    }
}
