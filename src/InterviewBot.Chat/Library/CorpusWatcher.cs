using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Library;

/// <summary>Re-indexes the corpus in the background when a transcript or its metadata is added, changed or removed
/// (<c>Corpus:Watch</c>). Changes are debounced (<c>Corpus:ReloadDelay</c>); one reload runs at a time, and a change
/// during a reload schedules one more after it. The new library replaces the old one atomically in the
/// <see cref="LibraryHolder"/>. A reload that fails (a directory gone, nothing loadable) keeps the old library, is
/// logged, and is recorded in <see cref="LibraryHolder.LastReload"/>.</summary>
internal sealed partial class CorpusWatcher(
    LibraryHolder holder, IOptions<CorpusOptions> corpus, IOptions<IndexOptions> index, TimeProvider time, ILogger<CorpusWatcher> logger)
    : BackgroundService
{
    /// <summary>A steady stream of changes delays a reload by at most this many reload delays.</summary>
    private const int MaxDelays = 10;

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private string? _trigger;
    private long _changes;

    /// <summary>How often to check that the corpus directories still exist, and whether a missing one is back.</summary>
    internal TimeSpan CheckInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Completes once the corpus is being watched (or at once when <c>Corpus:Watch</c> is false): changes
    /// from then on are picked up.</summary>
    internal Task Ready => _ready.Task;

    /// <summary>Schedules a reload after the debounce delay. Safe from any thread; returns at once.</summary>
    internal void RequestReload(string trigger)
    {
        Interlocked.CompareExchange(ref _trigger, trigger, null);
        Interlocked.Increment(ref _changes);
        _wake.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = corpus.Value;
        if (!options.Watch)
        {
            LogNotWatching(logger);
            _ready.TrySetResult();
            return;
        }

        using var watches = new CorpusWatches(LibraryLoader.Paths(options), RequestReload, logger);
        LogWatching(logger, string.Join(", ", watches.Watching), options.ReloadDelay.TotalMilliseconds);
        _ready.TrySetResult();
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!await WaitForChangeAsync(stoppingToken).ConfigureAwait(false))
            {
                if (watches.Check())
                {
                    RequestReload("a corpus directory went away or came back");
                }

                continue;
            }

            await SettleAsync(options.ReloadDelay, stoppingToken).ConfigureAwait(false);
            // Watching starts before the first load finishes: a change made meanwhile reloads after it, never before.
            await holder.WhenLoaded.WaitAsync(stoppingToken).ConfigureAwait(false);
            _wake.Reader.TryRead(out _);
            var trigger = Interlocked.Exchange(ref _trigger, null) ?? "a change";
            var changes = Interlocked.Exchange(ref _changes, 0);
            watches.Check();
            Reload(trigger, changes);
        }
    }

    /// <summary>Waits for a change; false when <see cref="CheckInterval"/> passed without one.</summary>
    private async Task<bool> WaitForChangeAsync(CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(CheckInterval, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            return await _wake.Reader.WaitToReadAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Waits until no change has come for a whole <paramref name="delay"/> (at most <see cref="MaxDelays"/>
    /// delays in all).</summary>
    private async Task SettleAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        var started = time.GetTimestamp();
        long seen;
        do
        {
            seen = Interlocked.Read(ref _changes);
            await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
        }
        while (Interlocked.Read(ref _changes) != seen && time.GetElapsedTime(started) < delay * MaxDelays);
    }

    private void Reload(string trigger, long changes)
    {
        LogReloading(logger, changes, trigger);
        var started = time.GetTimestamp();
        QuoteLibrary library;
        try
        {
            library = LibraryLoader.Load(corpus.Value, index.Value, logger);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var skipped = e is LibraryLoadException failed ? failed.Skipped : [];
            var serving = holder.IsLoaded ? holder.Current.Corpus.Interviews.Count : 0;
            LogReloadFailed(logger, e.Message, holder.Version, serving, e is LibraryLoadException ? null : e);
            Publish(() => holder.RecordFailure(LibraryReload.Failed(e.Message, skipped, time.GetUtcNow(), time.GetElapsedTime(started), trigger)));
            return;
        }

        var report = LibraryReload.Loaded(library, time.GetUtcNow(), time.GetElapsedTime(started), trigger);
        Publish(() => holder.Replace(library, report));
        LogReloaded(logger, report.Interviews, report.Passages, report.Skipped.Count, report.Duration.TotalMilliseconds, holder.Version);
    }

    /// <summary>Runs a holder update; a <see cref="LibraryHolder.Reloaded"/> handler that throws is logged and does not
    /// stop watching.</summary>
    private void Publish(Action update)
    {
        try
        {
            update();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogHandlerFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Corpus watching is off (Corpus:Watch=false); restart to pick up transcript changes")]
    private static partial void LogNotWatching(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching the corpus ({Directories}); reloading {DelayMs} ms after the last change")]
    private static partial void LogWatching(ILogger logger, string directories, double delayMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Corpus reload started after {Changes} change(s), first: {Trigger}")]
    private static partial void LogReloading(ILogger logger, long changes, string trigger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Corpus reloaded: {Interviews} interviews, {Passages} passages, {Skipped} files skipped, in {DurationMs} ms (version {Version})")]
    private static partial void LogReloaded(ILogger logger, int interviews, int passages, int skipped, double durationMs, long version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Corpus reload failed: {Reason}. Still serving the previous library (version {Version}, {Interviews} interviews)")]
    private static partial void LogReloadFailed(ILogger logger, string reason, long version, int interviews, Exception? exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A LibraryHolder.Reloaded handler failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception);
}
