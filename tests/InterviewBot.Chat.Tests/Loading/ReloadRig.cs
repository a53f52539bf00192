using System.Collections.Concurrent;
using InterviewBot.Chat.Library;
using InterviewBot.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Tests.Loading;

/// <summary>A <see cref="CorpusWatcher"/> over a temporary copy of the seed interview, with a short reload delay and
/// real time and files. <see cref="NextReload"/> waits for the next load attempt instead of sleeping.</summary>
internal sealed class ReloadRig : IAsyncDisposable
{
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a test waits for a reload before failing.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private ReloadRig(TempDir dir, LibraryHolder holder, CorpusWatcher watcher, LogSink logs)
    {
        Dir = dir;
        Holder = holder;
        Watcher = watcher;
        Logs = logs;
    }

    public TempDir Dir { get; }

    public LibraryHolder Holder { get; }

    public CorpusWatcher Watcher { get; }

    public LogSink Logs { get; }

    public static async Task<ReloadRig> StartAsync(bool watch = true, TimeSpan? checkInterval = null)
    {
        var dir = new TempDir();
        foreach (var file in new[] { RepoPaths.SeedTranscript, Path.ChangeExtension(RepoPaths.SeedTranscript, ".yaml") })
        {
            File.Copy(file, Path.Combine(dir.Path, Path.GetFileName(file)));
        }

        var corpus = new CorpusOptions { Directories = [dir.Path], Watch = watch, ReloadDelay = Delay };
        var index = new IndexOptions { CacheDirectory = "none" };
        var logs = new LogSink();
        var holder = new LibraryHolder();
        holder.Replace(LibraryLoader.Load(corpus, index, logs));
        var watcher = new CorpusWatcher(holder, Options.Create(corpus), Options.Create(index), TimeProvider.System, logs)
        {
            CheckInterval = checkInterval ?? TimeSpan.FromSeconds(5),
        };
        await watcher.StartAsync(CancellationToken.None);
        await watcher.Ready.WaitAsync(Patience);
        return new ReloadRig(dir, holder, watcher, logs);
    }

    /// <summary>The next load attempt after this call (subscribe before making the change).</summary>
    public Task<LibraryReload> NextReload() => Until(_ => true);

    /// <summary>The first load attempt after this call that <paramref name="done"/> accepts, letting others pass (one
    /// change can reach the watcher as several events).</summary>
    public Task<LibraryReload> Until(Func<LibraryReload, bool> done)
    {
        var next = new TaskCompletionSource<LibraryReload>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(object? sender, LibraryReload report)
        {
            if (done(report))
            {
                Holder.Reloaded -= Handler;
                next.TrySetResult(report);
            }
        }

        Holder.Reloaded += Handler;
        return next.Task.WaitAsync(Patience);
    }

    /// <summary>The quotes <paramref name="library"/> answers <paramref name="question"/> with.</summary>
    public static async Task<IReadOnlyList<string>> AskAsync(QuoteLibrary library, string question) =>
        (await library.Retriever.AskAsync(new SearchRequest(question, 3))).Quotes.Select(q => q.Text).ToList();

    public async ValueTask DisposeAsync()
    {
        await Watcher.StopAsync(CancellationToken.None);
        Watcher.Dispose();
        Dir.Dispose();
    }
}

/// <summary>A logger that keeps every message, for tests that check what was logged.</summary>
internal sealed class LogSink : ILogger<CorpusWatcher>
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Entries => _entries.ToList();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue((logLevel, formatter(state, exception)));
}
