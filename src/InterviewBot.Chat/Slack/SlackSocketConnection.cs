using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Chat.Slack;

/// <summary>An envelope that has been acked: it must now be processed to completion.</summary>
internal sealed record SlackEnvelope(string Type, JsonElement Payload);

/// <summary>One Socket Mode WebSocket. Waits for <c>hello</c>; acks every envelope by <c>envelope_id</c> the moment it
/// arrives, and hands it on only once the ack was sent (an envelope that could not be acked is left for Slack to
/// redeliver); reports the first <c>disconnect</c> reason, or "closed", through <see cref="Ended"/> while it keeps
/// reading and acking until it is closed.</summary>
internal sealed partial class SlackSocketConnection(Action<SlackEnvelope> onEnvelope, ILogger logger) : IAsyncDisposable
{
    public const string Closed = "closed";
    private const int MaxMessageBytes = 4 * 1024 * 1024;

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _abort = new();
    private Task _reader = Task.CompletedTask;

    /// <summary>The first disconnect reason (refresh_requested, warning, link_disabled, …) or <see cref="Closed"/>.</summary>
    public Task<string> Ended => _ended.Task;

    /// <summary>Connects and waits for <c>hello</c>. Returns null when it came, else why the connection ended first
    /// (a disconnect reason such as link_disabled, or <see cref="Closed"/>); throws on a timeout.</summary>
    public async Task<string?> ConnectAsync(Uri url, TimeSpan helloTimeout, TimeProvider time, CancellationToken ct)
    {
        await _socket.ConnectAsync(url, ct).ConfigureAwait(false);
        _reader = Task.Run(ReadLoopAsync, CancellationToken.None);
        var first = await Task.WhenAny(_hello.Task, _ended.Task).WaitAsync(helloTimeout, time, ct).ConfigureAwait(false);
        return first == _hello.Task ? null : await _ended.Task.ConfigureAwait(false);
    }

    /// <summary>Closes gracefully: no more acks are sent; messages already on their way are read until Slack's close
    /// frame or the drain timeout.</summary>
    public async Task CloseAsync(TimeSpan drain, TimeProvider time)
    {
        await _send.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(drain, time);
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            LogCloseFailed(logger, e.Message);
        }
        finally
        {
            _send.Release();
        }

        if (await Task.WhenAny(_reader, Task.Delay(drain, time)).ConfigureAwait(false) != _reader)
        {
            await _abort.CancelAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _abort.CancelAsync().ConfigureAwait(false);
        await _reader.ConfigureAwait(false);
        _socket.Dispose();
        _send.Dispose();
        _abort.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (await SlackSocketFrames.ReceiveTextAsync(_socket, MaxMessageBytes, _abort.Token).ConfigureAwait(false) is { } text)
            {
                try
                {
                    await HandleAsync(text).ConfigureAwait(false);
                }
                catch (JsonException e)
                {
                    LogBadMessage(logger, e.Message);
                }
            }

            await CompleteCloseAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or InvalidOperationException)
        {
            LogReadEnded(logger, e.Message);
        }
        finally
        {
            _ended.TrySetResult(Closed);
        }
    }

    /// <summary>Answers Slack's close frame so the close handshake completes.</summary>
    private async Task CompleteCloseAsync()
    {
        await _send.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_socket.State == WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", _abort.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            _send.Release();
        }
    }

    private async Task HandleAsync(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        using var doc = JsonDocument.Parse(text);
        var message = doc.RootElement;
        switch (SlackJson.Str(message, "type"))
        {
            case "hello":
                LogHello(logger, SlackJson.Int(message, "num_connections") ?? 0);
                _hello.TrySetResult();
                return;
            case "disconnect":
                var reason = SlackJson.Str(message, "reason") ?? "unknown";
                LogDisconnect(logger, reason);
                _ended.TrySetResult(reason);
                return;
        }

        if (SlackJson.Str(message, "envelope_id") is not { } envelopeId)
        {
            return;
        }

        var type = SlackJson.Str(message, "type") ?? "";
        if (await TryAckAsync(envelopeId).ConfigureAwait(false))
        {
            onEnvelope(new SlackEnvelope(type, SlackJson.Get(message, "payload")?.Clone() ?? default));
        }
        else
        {
            LogNotAcked(logger, type, envelopeId);
        }
    }

    private async Task<bool> TryAckAsync(string envelopeId)
    {
        var ack = Encoding.UTF8.GetBytes(new JsonObject { ["envelope_id"] = envelopeId }.ToJsonString());
        await _send.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_socket.State != WebSocketState.Open)
            {
                return false;
            }

            await _socket.SendAsync(ack, WebSocketMessageType.Text, true, _abort.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            return false;
        }
        finally
        {
            _send.Release();
        }
    }
}
