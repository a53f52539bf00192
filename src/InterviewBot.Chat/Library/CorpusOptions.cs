namespace InterviewBot.Chat.Library;

/// <summary>Configuration section <c>Corpus</c>: where transcripts are read from, and whether changes there are
/// picked up while the bot runs.</summary>
public sealed class CorpusOptions
{
    public const string SectionName = "Corpus";

    /// <summary>The longest <see cref="ReloadDelay"/> allowed.</summary>
    public static readonly TimeSpan MaxReloadDelay = TimeSpan.FromMinutes(10);

    /// <summary>Transcript directories or files. Relative paths are taken from the working directory, else from
    /// beside the program (where the build copies seeds/).</summary>
    public List<string> Directories { get; set; } = [];

    /// <summary>Whether <c>serve</c> watches the corpus and re-indexes in the background when a transcript or its
    /// metadata is added, changed or removed.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>How long the corpus must stay unchanged before a reload starts, so a burst of changes (a copy, a
    /// checkout) gives one reload.</summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>Configuration section <c>Index</c>: where the built index is cached.</summary>
public sealed class IndexOptions
{
    public const string SectionName = "Index";

    /// <summary>Cache directory; empty means the user's cache directory; "none" disables the cache.</summary>
    public string? CacheDirectory { get; set; }
}
