namespace InterviewBot.Chat.Library;

/// <summary>The library currently in use. A reload swaps it atomically; requests in flight keep the one they read, so
/// a request must read <see cref="Current"/> once and use that instance throughout.</summary>
public sealed class LibraryHolder
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile QuoteLibrary? _current;
    private volatile LibraryReload? _last;
    private volatile LibraryReload? _lastFailure;
    private long _version;

    /// <summary>Raised after every load attempt, successful or not, on the thread that made it. Handlers must be quick
    /// and must not throw.</summary>
    public event EventHandler<LibraryReload>? Reloaded;

    public bool IsLoaded => _current is not null;

    /// <summary>Completes when the first library is put in service.</summary>
    public Task WhenLoaded => _loaded.Task;

    public QuoteLibrary Current => _current ?? throw new InvalidOperationException("the corpus is still loading");

    /// <summary>How many libraries have been put in service: 0 before the first, then 1, 2, … (a failed reload leaves
    /// it unchanged).</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>The latest load attempt (the load at start or a reload), or null before the first.</summary>
    public LibraryReload? LastReload => _last;

    /// <summary>The latest attempt that failed, even if a later one succeeded; null when none has.</summary>
    public LibraryReload? LastFailure => _lastFailure;

    /// <summary>Puts <paramref name="library"/> in service (recorded as loaded now, in no time).</summary>
    public void Replace(QuoteLibrary library) => Replace(library, LibraryReload.Loaded(library, DateTimeOffset.UtcNow, TimeSpan.Zero, "replaced"));

    /// <summary>Puts <paramref name="library"/> in service and records <paramref name="report"/> as the latest attempt.</summary>
    public void Replace(QuoteLibrary library, LibraryReload report)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(report);
        lock (_gate)
        {
            _current = library;
            report = report with { Version = Interlocked.Increment(ref _version) };
            _last = report;
        }

        _loaded.TrySetResult();
        Reloaded?.Invoke(this, report);
    }

    /// <summary>Records a failed attempt; the library in service stays.</summary>
    public void RecordFailure(LibraryReload report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Succeeded)
        {
            throw new ArgumentException("a failure needs an error", nameof(report));
        }

        lock (_gate)
        {
            report = report with { Version = Version };
            _last = report;
            _lastFailure = report;
        }

        Reloaded?.Invoke(this, report);
    }
}
