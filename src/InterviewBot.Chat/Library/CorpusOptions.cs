namespace InterviewBot.Chat.Library;

/// <summary>Configuration section <c>Corpus</c>: where transcripts are read from.</summary>
public sealed class CorpusOptions
{
    public const string SectionName = "Corpus";

    /// <summary>Transcript directories or files. Relative paths are taken from the working directory, else from
    /// beside the program (where the build copies seeds/).</summary>
    public List<string> Directories { get; set; } = [];
}

/// <summary>Configuration section <c>Index</c>: where the built index is cached.</summary>
public sealed class IndexOptions
{
    public const string SectionName = "Index";

    /// <summary>Cache directory; empty means the user's cache directory; "none" disables the cache.</summary>
    public string? CacheDirectory { get; set; }
}
