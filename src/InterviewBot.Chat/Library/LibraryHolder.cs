namespace InterviewBot.Chat.Library;

/// <summary>The library currently in use. A reload swaps it atomically; requests in flight keep the one they read.</summary>
public sealed class LibraryHolder
{
    private volatile QuoteLibrary? _current;

    public bool IsLoaded => _current is not null;

    public QuoteLibrary Current => _current ?? throw new InvalidOperationException("the corpus is still loading");

    public void Replace(QuoteLibrary library) => _current = library;
}
