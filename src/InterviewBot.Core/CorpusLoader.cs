using System.Collections.Concurrent;
using InterviewBot.Core.Model;
using InterviewBot.Core.Parsing;

namespace InterviewBot.Core;

/// <summary>Loads every transcript under one or more directories (or single files). A file that cannot be read or
/// parsed is reported with its path and reason and skipped; the rest load.</summary>
public static class CorpusLoader
{
    /// <summary>Transcripts larger than this are skipped rather than read.</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    private static readonly string[] TranscriptExtensions = [".txt", ".md", ".markdown", ".vtt", ".srt"];

    public static Corpus Load(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var skipped = new ConcurrentBag<SkippedFile>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(Path.GetFullPath(path));
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => TranscriptExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Select(Path.GetFullPath)
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                throw new DirectoryNotFoundException($"corpus not found: {path}");
            }
        }

        var results = new Interview?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            try
            {
                results[i] = LoadFile(files[i]);
            }
            catch (Exception ex) when (ex is TranscriptFormatException or IOException or UnauthorizedAccessException or InvalidDataException)
            {
                skipped.Add(new SkippedFile(files[i], ex.Message));
            }
        });

        var interviews = new List<Interview>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var interview in results.OfType<Interview>())
        {
            var id = interview.Id;
            for (var n = 2; !ids.Add(id); n++)
            {
                id = $"{interview.Id}-{n}";
            }

            interviews.Add(id == interview.Id ? interview : interview with { Metadata = interview.Metadata with { Id = id } });
        }

        return new Corpus(interviews, skipped.OrderBy(s => s.Path, StringComparer.Ordinal).ToList());
    }

    /// <summary>Parses one transcript with its sidecar metadata. Throws <see cref="TranscriptFormatException"/> when
    /// the file is not a usable interview.</summary>
    public static Interview LoadFile(string path)
    {
        var info = new FileInfo(path);
        if (info.Length > MaxFileBytes)
        {
            throw new InvalidDataException($"file is {info.Length / (1024 * 1024)} MiB; the limit is {MaxFileBytes / (1024 * 1024)} MiB");
        }

        var text = File.ReadAllText(path);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new InvalidDataException("binary file (contains NUL bytes)");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new TranscriptFormatException("empty file");
        }

        YamlFields? sidecar = null;
        if (MetadataReader.FindSidecar(path) is { } sidecarPath)
        {
            try
            {
                sidecar = MetadataReader.ReadFields(File.ReadAllText(sidecarPath));
            }
            catch (TranscriptFormatException ex)
            {
                throw new TranscriptFormatException($"metadata {Path.GetFileName(sidecarPath)}: {ex.Message}");
            }
        }

        var preliminary = sidecar is null ? null : MetadataReader.Merge(path, sidecar, MetadataHints.None);
        var parsed = Parse(path, text, preliminary);
        var meta = MetadataReader.Merge(path, sidecar, parsed.Hints);
        var turns = TurnBuilder.Build(parsed, meta);
        if (!turns.Any(t => t.Role == SpeakerRole.Interviewee))
        {
            throw new TranscriptFormatException("no answers found (no turn by an interviewee)");
        }

        return new Interview(meta, path, turns);
    }

    private static ParsedTranscript Parse(string path, string text, InterviewMetadata? meta)
    {
        var format = meta?.Format?.ToLowerInvariant() ?? Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".vtt" or ".srt" => "captions",
            ".md" or ".markdown" => "markdown",
            _ => LabelledParser.CountLabelLines(Text.TextNormalizer.Lines(text)) >= 4 ? "labelled" : "article",
        };

        ITranscriptParser parser = format switch
        {
            "captions" or "vtt" or "srt" => new CaptionParser(),
            "markdown" or "md" => new MarkdownParser(),
            "labelled" or "labeled" or "speaker" => new LabelledParser(),
            "article" or "text" => new ArticleParser(),
            _ => throw new TranscriptFormatException($"unknown format '{format}' in metadata (use article, labelled, markdown or captions)"),
        };

        try
        {
            return parser.Parse(text, meta);
        }
        catch (TranscriptFormatException) when (format == "labelled" && meta?.Format is null)
        {
            return new ArticleParser().Parse(text, meta);
        }
    }
}
