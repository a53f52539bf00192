using System.Text.Json;

namespace InterviewBot.Chat.Discord;

/// <summary>One connection's life: connect, Hello, Identify or Resume, heartbeats, frames until it closes.</summary>
internal sealed partial class DiscordGatewayClient
{
    private async Task<ConnectionResult> ConnectOnceAsync(DiscordOptions settings, CancellationToken stoppingToken)
    {
        var session = _session;
        Uri uri;
        try
        {
            uri = GatewayProtocol.BuildUrl(session?.ResumeUrl ?? await GatewayUrlAsync(settings, stoppingToken).ConfigureAwait(false));
        }
#pragma warning disable CA1031 // Whatever went wrong finding the gateway, the answer is to try again later.
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogLocateFailed(logger, ex);
            return ConnectionResult.Retry;
        }

        using var connection = new GatewayConnection(time);
        var state = new ConnectionState(connection, session, uri);
        LogConnecting(logger, uri, session is null ? "identify" : "resume");
        try
        {
            await connection.ConnectAsync(uri, ConnectTimeout, time, stoppingToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Refused, unreachable, TLS, timeout: all mean back off and retry.
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogConnectFailed(logger, uri, ex);
            return ConnectionResult.Retry;
        }

        _current = connection;
        using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var heartbeat = HeartbeatAsync(state, heartbeatStop.Token);
        try
        {
            using var stopping = stoppingToken.Register(() => connection.BeginClose(1000, "shutting down", GatewayNext.Stop));
            while (await connection.ReceiveAsync().ConfigureAwait(false) is { } message)
            {
                if (connection.IsClosing)
                {
                    continue; // Frames after our close are not processed; a resume replays them.
                }

                try
                {
                    await HandleFrameAsync(message, state, settings, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
                {
                    LogBadFrame(logger, ex);
                }
            }
        }
        finally
        {
            _live = false;
            _current = null;
            await heartbeatStop.CancelAsync().ConfigureAwait(false);
            await heartbeat.ConfigureAwait(false);
            await connection.Closed.ConfigureAwait(false);
        }

        return Outcome(state, stoppingToken);
    }

    private ConnectionResult Outcome(ConnectionState state, CancellationToken stoppingToken)
    {
        var connection = state.Connection;
        if (stoppingToken.IsCancellationRequested)
        {
            return new(GatewayNext.Stop, state.Ready, null, false);
        }

        if (connection.ClientNext is { } next)
        {
            return new(next, state.Ready, null, next == GatewayNext.NewSession);
        }

        var code = connection.ServerCloseCode;
        if (code is { } closeCode)
        {
            LogClosedByServer(logger, closeCode, connection.ServerCloseReason ?? "");
        }
        else
        {
            LogDropped(logger, connection.ReceiveError);
        }

        return new(GatewayProtocol.Classify(code), state.Ready, code, false);
    }

    private async Task HandleFrameAsync(ReadOnlyMemory<byte> message, ConnectionState state, DiscordOptions settings, CancellationToken stoppingToken)
    {
        using var document = JsonDocument.Parse(message);
        var root = document.RootElement;
        var op = root.GetProperty("op").GetInt32();
        var data = root.TryGetProperty("d", out var d) ? d : default;
        if (root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number)
        {
            Interlocked.Exchange(ref _sequence, s.GetInt64());
        }

        var connection = state.Connection;
        switch (op)
        {
            case GatewayOp.Dispatch:
                OnDispatch(root.GetProperty("t").GetString() ?? "", data, state, stoppingToken);
                break;
            case GatewayOp.Heartbeat:
                LogHeartbeatRequested(logger);
                await connection.SendAsync(GatewayProtocol.Heartbeat(Sequence)).ConfigureAwait(false);
                break;
            case GatewayOp.HeartbeatAck:
                Volatile.Write(ref state.AwaitingAck, 0);
                break;
            case GatewayOp.Reconnect:
                LogReconnectRequested(logger);
                connection.BeginClose(GatewayProtocol.ResumableCloseCode, "reconnect requested", GatewayNext.Resume);
                break;
            case GatewayOp.InvalidSession:
                var resumable = data.ValueKind == JsonValueKind.True;
                LogInvalidSession(logger, resumable);
                connection.BeginClose(resumable ? GatewayProtocol.ResumableCloseCode : 1000, "invalid session",
                    resumable ? GatewayNext.Resume : GatewayNext.NewSession);
                break;
            case GatewayOp.Hello:
                var interval = TimeSpan.FromMilliseconds(Math.Max(1, data.GetProperty("heartbeat_interval").GetDouble()));
                LogHello(logger, interval.TotalMilliseconds);
                if (state.Hello.TrySetResult(interval))
                {
                    await SendIdentifyOrResumeAsync(state, settings).ConfigureAwait(false);
                }

                break;
            default:
                LogUnknownOp(logger, op);
                break;
        }
    }

    private async Task SendIdentifyOrResumeAsync(ConnectionState state, DiscordOptions settings)
    {
        var token = settings.BotToken!;
        if (state.Session is { } session)
        {
            LogResuming(logger, session.SessionId, Sequence);
            await state.Connection.SendAsync(GatewayProtocol.Resume(token, session.SessionId, Sequence)).ConfigureAwait(false);
        }
        else
        {
            LogIdentifying(logger, settings.Gateway.Intents);
            await state.Connection.SendAsync(GatewayProtocol.Identify(token, settings.Gateway.Intents)).ConfigureAwait(false);
        }
    }

    private void OnDispatch(string eventName, JsonElement data, ConnectionState state, CancellationToken stoppingToken)
    {
        if (eventName == "READY")
        {
            var sessionId = data.GetProperty("session_id").GetString() ?? throw new InvalidOperationException("READY without session_id");
            var resumeUrl = data.TryGetProperty("resume_gateway_url", out var url) && url.GetString() is { Length: > 0 } u ? u : state.Url.ToString();
            _session = new GatewaySession(sessionId, resumeUrl);
            var user = data.TryGetProperty("user", out var u2) && u2.TryGetProperty("username", out var name) ? name.GetString() : null;
            LogReady(logger, user ?? "?", sessionId);
            MarkLive(state);
        }
        else if (eventName == "RESUMED")
        {
            LogResumed(logger, state.Session?.SessionId ?? "?", Sequence);
            MarkLive(state);
        }

        Dispatch(eventName, data.Clone(), stoppingToken);
    }

    private void MarkLive(ConnectionState state)
    {
        state.Ready = true;
        _live = true;
    }
}
