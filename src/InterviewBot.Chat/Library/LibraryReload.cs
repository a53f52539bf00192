using InterviewBot.Core.Model;

namespace InterviewBot.Chat.Library;

/// <summary>The outcome of one attempt to load the corpus (the load at start or a reload). A failed attempt
/// (<see cref="Error"/> set) left the previous library in service; its counts are what the attempt found.</summary>
/// <param name="At">When the attempt finished.</param>
/// <param name="Duration">How long reading, parsing and indexing took.</param>
/// <param name="Trigger">Why it ran, e.g. "start" or the first file that changed.</param>
/// <param name="Interviews">Interviews loaded (0 when the attempt failed before loading any).</param>
/// <param name="Passages">Passages indexed (0 when the attempt failed).</param>
/// <param name="Skipped">Files that could not be loaded, each with the reason.</param>
/// <param name="Error">Why the attempt failed; null when its library went into service.</param>
public sealed record LibraryReload(
    DateTimeOffset At, TimeSpan Duration, string Trigger, int Interviews, int Passages, IReadOnlyList<SkippedFile> Skipped, string? Error)
{
    /// <summary>Whether this attempt's library went into service.</summary>
    public bool Succeeded => Error is null;

    /// <summary><see cref="LibraryHolder.Version"/> after this attempt: the version of the library in service.</summary>
    public long Version { get; init; }

    public static LibraryReload Loaded(QuoteLibrary library, DateTimeOffset at, TimeSpan duration, string trigger) =>
        new(at, duration, trigger, library.Corpus.Interviews.Count, library.Retriever.Index.PassageTotal, library.Corpus.Skipped, null);

    public static LibraryReload Failed(string error, IReadOnlyList<SkippedFile> skipped, DateTimeOffset at, TimeSpan duration, string trigger) =>
        new(at, duration, trigger, 0, 0, skipped, error);
}
