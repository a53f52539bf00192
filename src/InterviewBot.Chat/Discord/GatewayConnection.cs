using System.Buffers;
using System.Net.WebSockets;

namespace InterviewBot.Chat.Discord;

/// <summary>One WebSocket connection to the gateway: serialised sends (one <c>SendAsync</c> at a time, at most
/// <see cref="GatewayProtocol.MaxSendBytes"/> each), whole-message receives, and a close handshake that is started
/// once and gives up (aborts) after <see cref="CloseTimeout"/>.</summary>
internal sealed class GatewayConnection : IDisposable
{
    public static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Incoming messages larger than this end the connection (Discord's own are far smaller).</summary>
    private const int MaxReceiveBytes = 16 * 1024 * 1024;

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _abort;
    private readonly ArrayBufferWriter<byte> _message = new(16 * 1024);
    private readonly Lock _gate = new();
    private bool _closing;
    private Task _closeTask = Task.CompletedTask;

    public GatewayConnection(TimeProvider time) => _abort = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);

    public bool IsOpen => _socket.State == WebSocketState.Open && !IsClosing;

    /// <summary>True once this side started closing; later incoming frames are ignored.</summary>
    public bool IsClosing
    {
        get
        {
            lock (_gate)
            {
                return _closing;
            }
        }
    }

    /// <summary>Why this side closed the connection (set by the <see cref="BeginClose"/> call that won).</summary>
    public GatewayNext? ClientNext { get; private set; }

    /// <summary>The close code the server sent, if it sent one.</summary>
    public int? ServerCloseCode { get; private set; }

    public string? ServerCloseReason { get; private set; }

    /// <summary>Why receiving stopped when it was not a close handshake.</summary>
    public Exception? ReceiveError { get; private set; }

    public async Task ConnectAsync(Uri uri, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        await _socket.ConnectAsync(uri, linked.Token).ConfigureAwait(false);
    }

    /// <summary>Sends one text message; false when the connection is closing or broken.</summary>
    public async Task<bool> SendAsync(ReadOnlyMemory<byte> payload)
    {
        if (payload.Length > GatewayProtocol.MaxSendBytes)
        {
            throw new InvalidOperationException($"Gateway payload of {payload.Length} bytes exceeds {GatewayProtocol.MaxSendBytes}");
        }

        try
        {
            await _sendLock.WaitAsync(_abort.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        try
        {
            if (IsClosing || _socket.State != WebSocketState.Open)
            {
                return false;
            }

            await _socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, _abort.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The next whole message (valid until the next call), or null once the connection is closed.</summary>
    public async Task<ReadOnlyMemory<byte>?> ReceiveAsync()
    {
        _message.ResetWrittenCount();
        while (true)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(_message.GetMemory(8 * 1024), _abort.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                ReceiveError = IsClosing ? null : ex;
                return null;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                ServerCloseCode = _socket.CloseStatus is { } status and not WebSocketCloseStatus.Empty ? (int)status : null;
                ServerCloseReason = _socket.CloseStatusDescription;
                if (TryStartClosing(null))
                {
                    // Complete the handshake the server started, echoing its code (never 1000 on our own account).
                    await CloseOutputAsync(ServerCloseCode ?? GatewayProtocol.ResumableCloseCode, "").ConfigureAwait(false);
                }

                return null;
            }

            _message.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return _message.WrittenMemory;
            }

            if (_message.WrittenCount > MaxReceiveBytes)
            {
                ReceiveError = new InvalidDataException($"Gateway message larger than {MaxReceiveBytes} bytes");
                BeginClose(GatewayProtocol.ResumableCloseCode, "message too large", GatewayNext.Resume);
                return null;
            }
        }
    }

    /// <summary>Starts the close handshake with <paramref name="code"/> and records <paramref name="next"/> as
    /// <see cref="ClientNext"/>, unless either side started closing already (then it returns false). The connection is
    /// aborted if the server has not answered after <see cref="CloseTimeout"/>.</summary>
    public bool BeginClose(int code, string reason, GatewayNext next)
    {
        if (!TryStartClosing(next))
        {
            return false;
        }

        _closeTask = CloseOutputAsync(code, reason);
        return true;
    }

    private bool TryStartClosing(GatewayNext? next)
    {
        lock (_gate)
        {
            if (_closing)
            {
                return false;
            }

            _closing = true;
            ClientNext = next;
            return true;
        }
    }

    /// <summary>Completes when the close frame was sent (or sending it failed).</summary>
    public Task Closed => _closeTask;

    private async Task CloseOutputAsync(int code, string reason)
    {
        try
        {
            _abort.CancelAfter(CloseTimeout);
            await _sendLock.WaitAsync(_abort.Token).ConfigureAwait(false);
            try
            {
                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, _abort.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection is going away either way.
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        _abort.Dispose();
        _sendLock.Dispose();
    }
}
