namespace InterviewBot.Chat.Library;

/// <summary>One watched corpus path: a directory and everything below it (as <c>CorpusLoader</c> reads), or one
/// transcript and its sidecar metadata in <see cref="Directory"/>.</summary>
internal sealed class CorpusWatch(string directory, string? file)
{
    /// <summary>What the loader reads: transcripts, and metadata beside them.</summary>
    private static readonly HashSet<string> Extensions = new(
        [".txt", ".md", ".markdown", ".vtt", ".srt", ".yaml", ".yml", ".json"], StringComparer.OrdinalIgnoreCase);

    private volatile bool _broken;

    public string Directory { get; } = directory;

    /// <summary>The one corpus file watched in <see cref="Directory"/>, or null for the whole directory.</summary>
    public string? File { get; } = file;

    public FileSystemWatcher? Watcher { get; set; }

    /// <summary>Watches <see cref="Directory"/>'s own name in its parent: a directory deleted and recreated, or replaced
    /// by a rename, leaves <see cref="Watcher"/> following nothing, without an error.</summary>
    public FileSystemWatcher? ParentWatcher { get; set; }

    public void DisposeWatchers()
    {
        Watcher?.Dispose();
        Watcher = null;
        ParentWatcher?.Dispose();
        ParentWatcher = null;
    }

    /// <summary>The watcher reported an error (set on its thread); <see cref="CorpusWatches.Check"/> replaces it.</summary>
    public bool Broken
    {
        get => _broken;
        set => _broken = value;
    }

    /// <summary>Arming failed and was logged; not logged again until it works.</summary>
    public bool Failing { get; set; }

    /// <summary>Whether an event at <paramref name="path"/> can change what loads from this watch. A path without an
    /// extension may be a directory moved in or out, so it counts.</summary>
    public bool IsRelevant(string path)
    {
        var extension = Path.GetExtension(path);
        if (File is null)
        {
            return extension.Length == 0 || Extensions.Contains(extension);
        }

        var name = Path.GetFileName(path);
        var stem = Path.GetFileNameWithoutExtension(path);
        return name.Equals(Path.GetFileName(File), StringComparison.Ordinal)
            || (Extensions.Contains(extension) && (stem == Path.GetFileName(File) || stem == Path.GetFileNameWithoutExtension(File)));
    }
}
