using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Chat.Slack;

/// <summary>Work that runs after Slack has been acknowledged (answering through response_url or chat.postMessage).
/// It is independent of the HTTP request and of the Socket Mode connection that delivered it, so an acked envelope is
/// processed to completion even while the socket reconnects; on shutdown the host waits for it (up to its shutdown
/// timeout) before cancelling. Failures are logged, never thrown.</summary>
internal sealed partial class SlackWork(ILogger<SlackWork> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, string> _running = new();

    public int Pending => _running.Count;

    public void Run(string what, Func<CancellationToken, Task> work)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                LogCancelled(logger, what);
            }
#pragma warning disable CA1031 // background work: log every failure, never crash the host
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(logger, what, e);
            }
        });
        _running[task] = what;
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Completes when nothing is running (for tests and shutdown).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_running.Keys);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!_running.IsEmpty)
            {
                await WhenIdleAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            LogAbandoning(logger, _running.Count);
        }
        finally
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => _stopping.Dispose();

    [LoggerMessage(EventId = 3200, Level = LogLevel.Error, Message = "Slack {What} failed")]
    private static partial void LogFailed(ILogger logger, string what, Exception exception);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Slack {What} cancelled by shutdown")]
    private static partial void LogCancelled(ILogger logger, string what);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Shutting down with {Count} Slack replies still in flight")]
    private static partial void LogAbandoning(ILogger logger, int count);
}
