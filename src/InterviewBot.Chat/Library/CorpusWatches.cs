using Microsoft.Extensions.Logging;

namespace InterviewBot.Chat.Library;

/// <summary>A <see cref="FileSystemWatcher"/> per configured corpus path (a directory and everything below it, as
/// <c>CorpusLoader</c> reads; or one file and its sidecar metadata). Events only call <c>changed</c>, which must be
/// quick: the reload itself runs elsewhere. <see cref="Check"/> drops the watch of a directory that disappeared and
/// re-arms it when it comes back; call it from one thread only.</summary>
internal sealed partial class CorpusWatches : IDisposable
{
    private readonly List<CorpusWatch> _watches;
    private readonly Action<string> _changed;
    private readonly ILogger _logger;

    public CorpusWatches(IEnumerable<string> paths, Action<string> changed, ILogger logger)
    {
        _changed = changed;
        _logger = logger;
        _watches = paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Select(p => File.Exists(p)
            ? new CorpusWatch(Path.GetDirectoryName(p)!, p)
            : new CorpusWatch(p, null)).ToList();
        foreach (var w in _watches)
        {
            Arm(w);
        }
    }

    /// <summary>The directories being watched now.</summary>
    public IReadOnlyList<string> Watching => _watches.Where(w => w.Watcher is not null).Select(w => w.Directory).ToList();

    /// <summary>Drops watches whose directory is gone or whose watcher failed, and arms the missing ones whose
    /// directory exists. Returns whether anything changed (a directory went or came back).</summary>
    public bool Check()
    {
        var changed = false;
        foreach (var w in _watches)
        {
            if (w.Watcher is not null && (w.Broken || !Directory.Exists(w.Directory)))
            {
                w.DisposeWatchers();
                changed = true;
                if (!Directory.Exists(w.Directory))
                {
                    LogDirectoryGone(_logger, w.Directory);
                }
            }

            if (w.Watcher is null && Directory.Exists(w.Directory) && Arm(w))
            {
                changed = true;
                LogWatching(_logger, w.Directory);
            }
        }

        return changed;
    }

    public void Dispose()
    {
        foreach (var w in _watches)
        {
            w.DisposeWatchers();
        }
    }

    private bool Arm(CorpusWatch w)
    {
        w.Broken = false;
        try
        {
            var fsw = new FileSystemWatcher(w.Directory)
            {
                IncludeSubdirectories = w.File is null,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            fsw.Created += (_, e) => OnEvent(w, e.FullPath);
            fsw.Changed += (_, e) => OnEvent(w, e.FullPath);
            fsw.Deleted += (_, e) => OnEvent(w, e.FullPath);
            fsw.Renamed += (_, e) => OnRenamed(w, e);
            fsw.Error += (_, e) => OnError(w, e.GetException());
            fsw.EnableRaisingEvents = true;
            w.Watcher = fsw;
            w.ParentWatcher = WatchParent(w);
            w.Failing = false;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or PlatformNotSupportedException)
        {
            if (!w.Failing)
            {
                w.Failing = true;
                LogCannotWatch(_logger, w.Directory, e.Message);
            }

            return false;
        }
    }

    /// <summary>A watch on the directory's own name in its parent (none for a file watch, or when the parent cannot
    /// be watched): deleting, creating or renaming the directory marks the watch broken so <see cref="Check"/> re-arms
    /// it on the directory now at that path.</summary>
    private FileSystemWatcher? WatchParent(CorpusWatch w)
    {
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(w.Directory));
        if (w.File is not null || parent is null || !Directory.Exists(parent))
        {
            return null;
        }

        try
        {
            var fsw = new FileSystemWatcher(parent, Path.GetFileName(Path.TrimEndingDirectorySeparator(w.Directory)))
            {
                IncludeSubdirectories = false,
                NotifyFilter = NotifyFilters.DirectoryName,
            };
            FileSystemEventHandler replaced = (_, _) => OnReplaced(w);
            fsw.Created += replaced;
            fsw.Deleted += replaced;
            fsw.Renamed += (_, _) => OnReplaced(w);
            fsw.EnableRaisingEvents = true;
            return fsw;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or PlatformNotSupportedException)
        {
            return null; // the periodic existence check still notices a directory that stays gone
        }
    }

    private void OnReplaced(CorpusWatch w)
    {
        w.Broken = true;
        _changed($"{w.Directory} was replaced");
    }

    private void OnEvent(CorpusWatch w, string path)
    {
        if (w.IsRelevant(path))
        {
            _changed(path);
        }
    }

    private void OnRenamed(CorpusWatch w, RenamedEventArgs e)
    {
        if (w.IsRelevant(e.OldFullPath) || w.IsRelevant(e.FullPath))
        {
            _changed(e.FullPath);
        }
    }

    private void OnError(CorpusWatch w, Exception e)
    {
        if (e is InternalBufferOverflowException)
        {
            LogOverflow(_logger, w.Directory);
        }
        else
        {
            w.Broken = true;
            LogWatcherError(_logger, w.Directory, e.Message);
        }

        _changed($"watcher error in {w.Directory}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Directory} for transcript changes")]
    private static partial void LogWatching(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch {Directory} for transcript changes: {Reason}; changes there are not picked up until it can be watched")]
    private static partial void LogCannotWatch(ILogger logger, string directory, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Corpus directory {Directory} disappeared; the loaded library stays in service until it is back")]
    private static partial void LogDirectoryGone(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Too many changes in {Directory} at once to follow them one by one; reloading the whole corpus")]
    private static partial void LogOverflow(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watching {Directory} failed: {Reason}; reloading the corpus and watching again")]
    private static partial void LogWatcherError(ILogger logger, string directory, string reason);
}
