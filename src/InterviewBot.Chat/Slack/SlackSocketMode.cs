using System.Net.WebSockets;
using InterviewBot.Chat.Operations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Chat.Slack;

/// <summary>Socket Mode: events, slash commands and clicks over a WebSocket, so no public URL is needed. Opens a
/// connection (apps.connections.open with the xapp- token), acks every envelope at once and hands it to
/// <see cref="SlackWork"/>, which runs the same handlers as the HTTP endpoints. On a <c>disconnect</c>
/// (refresh_requested, warning, too_many_websockets, …) or a dropped socket it opens the next connection before
/// closing the old one, with backoff; work already acked is unaffected. <c>link_disabled</c> stops Socket Mode;
/// a token Slack rejects (invalid_auth, …) stops the host.</summary>
internal sealed partial class SlackSocketMode(SlackWebApi api, SlackHandlers handlers, SlackWork work, TimeProvider time,
    IHostApplicationLifetime lifetime, ILogger<SlackSocketMode> logger, BotMetrics? metrics = null) : BackgroundService
{
    public const string LinkDisabled = "link_disabled";

    /// <summary>apps.connections.open errors that retrying cannot fix.</summary>
    public static readonly IReadOnlySet<string> FatalErrors = new HashSet<string>(StringComparer.Ordinal)
    {
        "not_authed", "invalid_auth", "account_inactive", "user_removed_from_team", "team_disabled", "token_revoked", "not_allowed_token_type",
    };

    private volatile SlackSocketConnection? _live;

    /// <summary>Whether a connection that has said hello is open now (for readiness).</summary>
    internal bool IsConnected => _live is not null;

    internal TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    internal TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);

    internal TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A connection that lasted less than this and then dropped counts as a failure for the backoff.</summary>
    internal TimeSpan StableAfter { get; set; } = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SlackSocketConnection? current = null;
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var next = await ConnectAsync(failures, stoppingToken).ConfigureAwait(false);
                if (current is not null)
                {
                    await CloseAsync(current).ConfigureAwait(false); // the new connection is up: only now drop the old
                }

                current = next;
                _live = current;
                if (current is null)
                {
                    return;
                }

                var since = time.GetTimestamp();
                var reason = await current.Ended.WaitAsync(stoppingToken).ConfigureAwait(false);
                _live = null;
                if (reason == LinkDisabled)
                {
                    LogLinkDisabled(logger);
                    return;
                }

                var dropped = reason is SlackSocketConnection.Closed or "too_many_websockets";
                failures = dropped && time.GetElapsedTime(since) < StableAfter ? failures + 1 : 0;
                LogReconnecting(logger, reason);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _live = null;
            if (current is not null)
            {
                await CloseAsync(current).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A connection that has said hello, retrying with backoff; null when Slack says it never will.</summary>
    private async Task<SlackSocketConnection?> ConnectAsync(int failures, CancellationToken ct)
    {
        while (true)
        {
            if (failures > 0)
            {
                var delay = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, InitialBackoff.Ticks << Math.Min(failures - 1, 16)));
                delay *= 1 + (Random.Shared.NextDouble() * 0.25);
                LogBackoff(logger, delay.TotalSeconds, failures);
                await Task.Delay(delay, time, ct).ConfigureAwait(false);
            }

            var connection = new SlackSocketConnection(Dispatch, logger);
            try
            {
                var url = await api.OpenConnectionAsync(ct).ConfigureAwait(false);
                var ended = await connection.ConnectAsync(url, HelloTimeout, time, ct).ConfigureAwait(false);
                if (ended is null)
                {
                    return connection;
                }

                await connection.DisposeAsync().ConfigureAwait(false);
                if (ended == LinkDisabled)
                {
                    LogLinkDisabled(logger);
                    return null;
                }

                LogConnectFailed(logger, $"disconnected before hello: {ended}");
            }
            catch (SlackApiException e) when (e.Error is { } error && FatalErrors.Contains(error))
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                LogFatal(logger, error);
                lifetime.StopApplication();
                return null;
            }
            catch (Exception e) when (e is SlackApiException or WebSocketException or HttpRequestException or TimeoutException
                                          || (e is OperationCanceledException && !ct.IsCancellationRequested))
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                if (e is not SlackApiException)
                {
                    metrics?.PlatformError(Commands.ChatContext.Slack, "socket"); // API failures are counted by SlackWebApi
                }

                LogConnectFailed(logger, e.Message);
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            failures++;
        }
    }

    private void Dispatch(SlackEnvelope envelope)
    {
        switch (envelope.Type)
        {
            case "events_api":
                work.Run("event", t => handlers.EventAsync(envelope.Payload, t));
                break;
            case "slash_commands" when SlackCommand.From(envelope.Payload) is { } command:
                work.Run($"slash command {command.Command}", t => handlers.CommandAsync(command, t));
                break;
            case "interactive":
                work.Run("button click", t => handlers.ActionsAsync(envelope.Payload, t));
                break;
            default:
                LogIgnored(logger, envelope.Type);
                break;
        }
    }

    private async Task CloseAsync(SlackSocketConnection connection)
    {
        await connection.CloseAsync(DrainTimeout, time).ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }
}
