using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Discord;

/// <summary>Where the gateway lives (<c>GET /gateway/bot</c>); asked only when <c>Discord:Gateway:Url</c> is empty.</summary>
public interface IDiscordGatewayLocator
{
    Task<string> GetGatewayUrlAsync(CancellationToken ct);
}

/// <summary>Keeps one Discord gateway v10 connection (JSON, uncompressed) alive: identifies, heartbeats, resumes after
/// drops, op 7 and resumable close codes, identifies again after op 9 or 4007/4009, and stops the application on a fatal
/// close code. Every dispatch (op 0) goes to <see cref="IDiscordEventHandler"/> in the background, so slow handlers never
/// hold up heartbeats. The token is sent only in Identify and Resume and is never logged.</summary>
internal sealed partial class DiscordGatewayClient(IOptions<DiscordOptions> options, IDiscordGatewayLocator locator, IDiscordEventHandler handler,
    TimeProvider time, IHostApplicationLifetime lifetime, ILogger<DiscordGatewayClient> logger) : BackgroundService
{
    /// <summary>After this many consecutive attempts that never got READY/RESUMED the session is dropped and the
    /// gateway URL is looked up again.</summary>
    private const int FailuresBeforeFreshStart = 5;

    private readonly ConcurrentDictionary<long, Task> _handlers = new();
    private long _handlerIds;
    private long _sequence = -1;
    private string? _gatewayUrl;
    private volatile GatewaySession? _session;
    private volatile GatewayConnection? _current;
    private volatile bool _live;
    private volatile int _fatalCloseCode;

    /// <summary>First delay after a failed connection attempt; doubles per consecutive failure (plus jitter).</summary>
    internal TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    internal TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Wait before identifying again after op 9 <c>d:false</c>: Discord asks for a random 1–5 s.</summary>
    internal TimeSpan InvalidSessionDelayMin { get; set; } = TimeSpan.FromSeconds(1);

    internal TimeSpan InvalidSessionDelayMax { get; set; } = TimeSpan.FromSeconds(5);

    internal TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for Hello (op 10) after the WebSocket opened.</summary>
    internal TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Fraction of the heartbeat interval before the first heartbeat; random in [0, 1) as Discord asks.</summary>
    internal Func<double> HeartbeatJitter { get; set; } = Random.Shared.NextDouble;

    /// <summary>Sets the process exit code when the client gives up; tests record it instead of changing the process's.</summary>
    internal Action<int> SetExitCode { get; set; } = code => Environment.ExitCode = code;

    /// <summary>The fatal close code that stopped the client, if any.</summary>
    public int? FatalCloseCode => _fatalCloseCode == 0 ? null : _fatalCloseCode;

    /// <summary>True while a session is READY (or RESUMED) and its socket is open.</summary>
    internal bool IsConnected => _live && _current?.IsOpen == true;

    /// <summary>The latest sequence number received, or null before the first dispatch of a session.</summary>
    internal long? Sequence => Interlocked.Read(ref _sequence) is var s and >= 0 ? s : null;

    internal string? SessionId => _session?.SessionId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Gateway.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        if (string.IsNullOrWhiteSpace(settings.BotToken))
        {
            LogMissingToken(logger);
            StopApplication();
            return;
        }

        try
        {
            await RunAsync(settings, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _live = false;
            await Task.WhenAll(_handlers.Values).ConfigureAwait(false);
            LogStopped(logger);
        }
    }

    private async Task RunAsync(DiscordOptions settings, CancellationToken stoppingToken)
    {
        var failures = 0;
        var delay = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (delay > TimeSpan.Zero)
            {
                LogWaiting(logger, delay.TotalMilliseconds);
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }

            var result = await ConnectOnceAsync(settings, stoppingToken).ConfigureAwait(false);
            failures = result.Ready ? 0 : failures + 1;
            switch (result.Next)
            {
                case GatewayNext.Stop:
                    return;
                case GatewayNext.Fatal when result.CloseCode is { } fatal:
                    _fatalCloseCode = fatal;
                    LogFatal(logger, fatal, GatewayProtocol.FatalAdvice(fatal));
                    StopApplication();
                    return;
                case GatewayNext.NewSession:
                    ForgetSession();
                    break;
            }

            if (failures >= FailuresBeforeFreshStart && failures % FailuresBeforeFreshStart == 0)
            {
                LogFreshStart(logger, failures);
                ForgetSession();
                _gatewayUrl = null;
            }

            delay = Backoff(failures);
            if (result.InvalidSession)
            {
                // Op 9 d:false: identifying again at once would likely be refused again.
                var wait = InvalidSessionDelayMin + ((InvalidSessionDelayMax - InvalidSessionDelayMin) * Random.Shared.NextDouble());
                delay = wait > delay ? wait : delay;
            }
        }
    }

    private TimeSpan Backoff(int failures) => BackoffDelay(failures, ReconnectBaseDelay, ReconnectMaxDelay, Random.Shared.NextDouble());

    /// <summary>No wait after a connection that got READY/RESUMED; then <paramref name="baseDelay"/> doubling per
    /// consecutive failure up to <paramref name="maxDelay"/>, times a jitter factor in [0.5, 1) from
    /// <paramref name="random"/> in [0, 1).</summary>
    internal static TimeSpan BackoffDelay(int failures, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        if (failures <= 0)
        {
            return TimeSpan.Zero;
        }

        var exponential = baseDelay * Math.Pow(2, Math.Min(failures - 1, 30));
        var capped = exponential < maxDelay ? exponential : maxDelay;
        return capped * (0.5 + (0.5 * Math.Clamp(random, 0, 1)));
    }

    private async Task<string> GatewayUrlAsync(DiscordOptions settings, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(settings.Gateway.Url))
        {
            return settings.Gateway.Url;
        }

        return _gatewayUrl ??= await locator.GetGatewayUrlAsync(cancellationToken).ConfigureAwait(false);
    }

    private void ForgetSession()
    {
        _session = null;
        Interlocked.Exchange(ref _sequence, -1);
    }

    private void StopApplication()
    {
        SetExitCode(1);
        lifetime.StopApplication();
    }

    /// <summary>Runs the handler on the thread pool so the receive loop carries on; failures are logged.</summary>
    private void Dispatch(string eventName, JsonElement data, CancellationToken stoppingToken)
    {
        var id = Interlocked.Increment(ref _handlerIds);
        var task = Task.Run(() => HandleAsync(eventName, data, stoppingToken), CancellationToken.None);
        _handlers[id] = task;
        _ = task.ContinueWith(_ => _handlers.TryRemove(id, out Task? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task HandleAsync(string eventName, JsonElement data, CancellationToken stoppingToken)
    {
        try
        {
            await handler.HandleDispatchAsync(eventName, data, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A failing handler must not take the gateway connection down with it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogHandlerFailed(logger, eventName, ex);
        }
    }

    /// <summary>What a finished session has to carry over: its id and where to resume it.</summary>
    private sealed record GatewaySession(string SessionId, string ResumeUrl);
}
