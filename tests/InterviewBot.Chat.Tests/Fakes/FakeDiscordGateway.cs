using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Chat.Tests.Fakes;

/// <summary>
/// A fake Discord gateway v10 (JSON encoding, no compression), written from Discord's documented protocol, listening on
/// <c>ws://127.0.0.1:{free port}</c>. Point <c>Discord:Gateway:Url</c> at <see cref="Url"/> (<c>/gateway</c>); READY
/// names <see cref="ResumeUrl"/> (<c>/resume</c>) as <c>resume_gateway_url</c>. Both paths behave the same; each
/// connection records its path and query (<see cref="FakeGatewayConnection.Path"/>, <see cref="FakeGatewayConnection.Query"/>).
/// <para>Per connection: Hello (op 10) with <see cref="HeartbeatInterval"/>; heartbeats (op 1) are ACKed (op 11) unless
/// <see cref="FakeGatewayConnection.AckHeartbeats"/> is false (set <see cref="AckHeartbeats"/> for new connections);
/// Identify (op 2) starts a new session (new <see cref="SessionId"/>, sequence restarts) and gets READY
/// (<c>v</c>, <c>session_id</c>, <c>resume_gateway_url</c>, <c>user{id,username,bot:true}</c>, <c>guilds:[]</c>,
/// <c>application{id,flags}</c>), or a close with <see cref="CloseOnIdentify"/> when set (e.g. 4004, 4014);
/// Resume (op 6) with the current session id replays every dispatch after the client's <c>seq</c>, then RESUMED,
/// and with any other session id gets op 9 <c>false</c>.</para>
/// <para>Checks, like Discord: frames over 4096 bytes or not JSON close with 4002; anything but a heartbeat before
/// Identify/Resume closes with 4003; a second Identify/Resume closes with 4005; unknown opcodes close with 4001.</para>
/// <para>Scripting: <see cref="SendDispatchAsync"/> sends op 0 to the current session's connection (or, between
/// connections, only keeps it for replay), <see cref="RecordMissedDispatch"/> keeps an event for replay without sending
/// it, <see cref="SendReconnectAsync"/> (op 7), <see cref="SendInvalidSessionAsync"/> (op 9),
/// <see cref="SendHeartbeatRequestAsync"/> (op 1), <see cref="CloseAsync"/> (close frame with a code) and
/// <see cref="DropConnection"/> (no close frame). <see cref="FragmentSize"/> splits outgoing messages into frames.</para>
/// <para>Every frame the client sends is recorded (<see cref="Frames"/>, per connection too) with its opcode, <c>d</c>
/// and raw JSON; <see cref="WaitForOpAsync"/>, <see cref="WaitForFrameAsync"/> and <see cref="WaitForConnectionAsync"/>
/// see what already arrived as well as what is yet to come, and time out with a list of what did arrive.</para>
/// </summary>
public sealed class FakeDiscordGateway : IAsyncDisposable
{
    public const string DefaultBotUserId = "100000000000000077";
    public const string DefaultBotUsername = "interviewbot";
    public const string DefaultApplicationId = "100000000000000001";

    private readonly WebApplication _app;
    private readonly Lock _sync = new();
    private readonly SemaphoreSlim _dispatchGate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<FakeGatewayConnection> _connections = [];
    private readonly List<FakeGatewayFrame> _frames = [];
    private readonly List<(Func<object?> Probe, TaskCompletionSource<object> Done)> _waiters = [];
    private readonly List<(long Seq, string Type, JsonElement Data)> _history = [];
    private FakeGatewayConnection? _live;
    private string? _sessionId;
    private long _sequence;
    private int _sessions;
    private int _rejectNext;
    private int _rejected;

    private FakeDiscordGateway(WebApplication app) => _app = app;

    /// <summary>e.g. <c>ws://127.0.0.1:41234/gateway</c>.</summary>
    public string Url { get; private set; } = "";

    /// <summary>e.g. <c>ws://127.0.0.1:41234/resume</c>, sent as <c>resume_gateway_url</c>.</summary>
    public string ResumeUrl { get; private set; } = "";

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Whether new connections ACK heartbeats.</summary>
    public bool AckHeartbeats { get; set; } = true;

    /// <summary>When set, Identify is answered by closing with this code instead of READY.</summary>
    public int? CloseOnIdentify { get; set; }

    /// <summary>The next this many WebSocket upgrade requests are refused with HTTP 503 (gateway unavailable).</summary>
    public int RejectNextConnections
    {
        get => Volatile.Read(ref _rejectNext);
        set => Volatile.Write(ref _rejectNext, value);
    }

    /// <summary>How many upgrade requests <see cref="RejectNextConnections"/> refused.</summary>
    public int RejectedConnections => Volatile.Read(ref _rejected);

    /// <summary>When set, outgoing messages are split into WebSocket frames of at most this many bytes.</summary>
    public int? FragmentSize { get; set; }

    public string BotUserId { get; set; } = DefaultBotUserId;

    public string BotUsername { get; set; } = DefaultBotUsername;

    public string ApplicationId { get; set; } = DefaultApplicationId;

    /// <summary>The current session's id (null before the first Identify).</summary>
    public string? SessionId
    {
        get
        {
            lock (_sync)
            {
                return _sessionId;
            }
        }
    }

    /// <summary>The last sequence number given out in the current session.</summary>
    public long Sequence
    {
        get
        {
            lock (_sync)
            {
                return _sequence;
            }
        }
    }

    public IReadOnlyList<FakeGatewayConnection> Connections
    {
        get
        {
            lock (_sync)
            {
                return [.. _connections];
            }
        }
    }

    public IReadOnlyList<FakeGatewayFrame> Frames
    {
        get
        {
            lock (_sync)
            {
                return [.. _frames];
            }
        }
    }

    /// <summary>The newest connection that is still open, if any.</summary>
    public FakeGatewayConnection? Current
    {
        get
        {
            lock (_sync)
            {
                return _connections.LastOrDefault(c => !c.Ended);
            }
        }
    }

    public static async Task<FakeDiscordGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var fake = new FakeDiscordGateway(app);
        app.UseWebSockets();
        app.Run(fake.AcceptAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var ws = "ws" + address.TrimEnd('/')["http".Length..];
        fake.Url = ws + "/gateway";
        fake.ResumeUrl = ws + "/resume";
        return fake;
    }

    /// <summary>Sends a dispatch (op 0) with the next sequence number to the current session's connection; between
    /// connections it is only kept, to be replayed on Resume. Returns its sequence number.</summary>
    public async Task<long> SendDispatchAsync(string type, object? data)
    {
        var element = JsonSerializer.SerializeToElement(data);
        await _dispatchGate.WaitAsync();
        try
        {
            FakeGatewayConnection? target;
            long seq;
            lock (_sync)
            {
                seq = ++_sequence;
                _history.Add((seq, type, element));
                target = _live is { Ended: false } live ? live : null;
            }

            if (target is not null)
            {
                await target.SendAsync(Payload(0, element, seq, type));
            }

            return seq;
        }
        finally
        {
            _dispatchGate.Release();
        }
    }

    /// <summary>Gives a dispatch the next sequence number and keeps it for replay without sending it, as if the
    /// client's connection had lost it.</summary>
    public long RecordMissedDispatch(string type, object? data)
    {
        var element = JsonSerializer.SerializeToElement(data);
        lock (_sync)
        {
            _history.Add((++_sequence, type, element));
            return _sequence;
        }
    }

    /// <summary>Op 7 on the current connection.</summary>
    public Task SendReconnectAsync() => RequireCurrent().SendAsync(Payload(7, Null(), null, null));

    /// <summary>Op 9 on the current connection; <c>false</c> also ends the session, like Discord.</summary>
    public Task SendInvalidSessionAsync(bool resumable)
    {
        if (!resumable)
        {
            lock (_sync)
            {
                _sessionId = null;
            }
        }

        return RequireCurrent().SendAsync(Payload(9, JsonSerializer.SerializeToElement(resumable), null, null));
    }

    /// <summary>Op 1 on the current connection: the client must heartbeat at once.</summary>
    public Task SendHeartbeatRequestAsync() => RequireCurrent().SendAsync(Payload(1, Null(), null, null));

    /// <summary>A close frame with <paramref name="code"/> on the current connection.</summary>
    public Task CloseAsync(int code, string? reason = null) => RequireCurrent().CloseAsync(code, reason ?? "");

    /// <summary>Ends the current connection without a close frame.</summary>
    public void DropConnection() => RequireCurrent().Abort();

    /// <summary>The first frame from the client (already received or yet to come) with opcode <paramref name="op"/>,
    /// on connection number <paramref name="connection"/> when given.</summary>
    public Task<FakeGatewayFrame> WaitForOpAsync(int op, TimeSpan timeout, int? connection = null) =>
        WaitForFrameAsync(f => f.Op == op && (connection is null || f.Connection == connection), timeout);

    public Task<FakeGatewayFrame> WaitForFrameAsync(Func<FakeGatewayFrame, bool> match, TimeSpan timeout) =>
        WaitAsync(() => _frames.FirstOrDefault(match), timeout, "frame");

    /// <summary>Connection number <paramref name="index"/> (0 = first), once the client opened it.</summary>
    public Task<FakeGatewayConnection> WaitForConnectionAsync(int index, TimeSpan timeout) =>
        WaitAsync(() => _connections.Count > index ? _connections[index] : null, timeout, $"connection #{index}");

    /// <summary>Completes when <paramref name="probe"/> (run under the fake's lock after every change) returns non-null.</summary>
    private async Task<T> WaitAsync<T>(Func<T?> probe, TimeSpan timeout, string what)
        where T : class
    {
        var done = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_sync)
        {
            if (probe() is { } found)
            {
                return found;
            }

            _waiters.Add((probe, done));
        }

        try
        {
            return (T)await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No matching {what} within {timeout}. {Describe()}");
        }
    }

    /// <summary>What arrived so far, for failure messages.</summary>
    public string Describe()
    {
        lock (_sync)
        {
            var connections = string.Join("; ", _connections.Select(c => $"#{c.Index} {c.Path}{c.Query} closed by client: {c.ClientCloseCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}"));
            var frames = string.Join(", ", _frames.Select(f => $"#{f.Connection}:op{f.Op}"));
            return $"Connections: [{connections}]. Frames: [{frames}]";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        foreach (var connection in Connections)
        {
            connection.Abort();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
        _dispatchGate.Dispose();
    }

    private FakeGatewayConnection RequireCurrent() => Current ?? throw new InvalidOperationException("No open gateway connection. " + Describe());

    /// <summary>Under <see cref="_sync"/>: wakes every waiter whose probe now finds something.</summary>
    private void Changed()
    {
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_waiters[i].Probe() is { } found)
            {
                _waiters[i].Done.TrySetResult(found);
                _waiters.RemoveAt(i);
            }
        }
    }

    internal void Notify()
    {
        lock (_sync)
        {
            Changed();
        }
    }

    private async Task AcceptAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (!context.WebSockets.IsWebSocketRequest || path is not ("/gateway" or "/gateway/" or "/resume" or "/resume/"))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        int reject;
        do
        {
            reject = Volatile.Read(ref _rejectNext);
        }
        while (reject > 0 && Interlocked.CompareExchange(ref _rejectNext, reject - 1, reject) != reject);

        if (reject > 0)
        {
            Interlocked.Increment(ref _rejected);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        FakeGatewayConnection connection;
        lock (_sync)
        {
            connection = new FakeGatewayConnection(this, _connections.Count, path, context.Request.QueryString.Value ?? "", socket, context, AckHeartbeats, FragmentSize);
            _connections.Add(connection);
            Changed();
        }

        try
        {
            var hello = JsonSerializer.SerializeToElement(new { heartbeat_interval = (int)HeartbeatInterval.TotalMilliseconds });
            await connection.SendAsync(Payload(10, hello, null, null));
            await ReceiveLoopAsync(connection);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // Dropped.
        }
        finally
        {
            connection.End();
            Notify();
        }
    }

    private async Task ReceiveLoopAsync(FakeGatewayConnection connection)
    {
        var socket = connection.Socket;
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            message.SetLength(0);
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, _stopping.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    connection.ClientClosed((int?)result.CloseStatus, result.CloseStatusDescription);
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await connection.CloseAsync((int)(result.CloseStatus ?? WebSocketCloseStatus.NormalClosure), "");
                    }

                    return;
                }

                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (!await HandleAsync(connection, message.ToArray()))
            {
                return;
            }
        }
    }

    /// <summary>Records and answers one client message; false when the connection was closed for it.</summary>
    private async Task<bool> HandleAsync(FakeGatewayConnection connection, byte[] bytes)
    {
        if (bytes.Length > 4096)
        {
            await connection.CloseAsync(4002, "Payload too large");
            return false;
        }

        int op;
        JsonElement data;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            op = document.RootElement.GetProperty("op").GetInt32();
            data = document.RootElement.TryGetProperty("d", out var d) ? d.Clone() : default;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            await connection.CloseAsync(4002, "Decode error");
            return false;
        }

        lock (_sync)
        {
            var frame = new FakeGatewayFrame(_frames.Count, connection.Index, op, data, Encoding.UTF8.GetString(bytes));
            _frames.Add(frame);
            connection.Add(frame);
            Changed();
        }

        switch (op)
        {
            case 1:
                if (connection.AckHeartbeats)
                {
                    await connection.SendAsync(Payload(11, default, null, null));
                }

                return true;
            case 2 or 6 when connection.Authenticated:
                await connection.CloseAsync(4005, "Already authenticated");
                return false;
            case 2:
                return await IdentifyAsync(connection);
            case 6:
                return await ResumeAsync(connection, data);
            case 3 or 4 or 8 or 31 or 43 when connection.Authenticated:
                return true;
            case 3 or 4 or 8 or 31 or 43:
                await connection.CloseAsync(4003, "Not authenticated");
                return false;
            default:
                await connection.CloseAsync(4001, "Unknown opcode");
                return false;
        }
    }

    private async Task<bool> IdentifyAsync(FakeGatewayConnection connection)
    {
        if (CloseOnIdentify is { } code)
        {
            await connection.CloseAsync(code, "Closed on identify");
            return false;
        }

        await _dispatchGate.WaitAsync();
        try
        {
            long seq;
            string sessionId;
            lock (_sync)
            {
                sessionId = $"fake-session-{++_sessions}";
                _sessionId = sessionId;
                _history.Clear();
                _sequence = 0;
                seq = ++_sequence;
            }

            var ready = JsonSerializer.SerializeToElement(new
            {
                v = 10,
                user = new { id = BotUserId, username = BotUsername, discriminator = "0", bot = true },
                guilds = Array.Empty<object>(),
                session_id = sessionId,
                resume_gateway_url = ResumeUrl,
                application = new { id = ApplicationId, flags = 0 },
            });
            lock (_sync)
            {
                _history.Add((seq, "READY", ready));
            }

            connection.Authenticated = true;
            await connection.SendAsync(Payload(0, ready, seq, "READY"));
            SetLive(connection);
            return true;
        }
        finally
        {
            _dispatchGate.Release();
        }
    }

    private async Task<bool> ResumeAsync(FakeGatewayConnection connection, JsonElement data)
    {
        var sessionId = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("session_id", out var s) ? s.GetString() : null;
        var after = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("seq", out var q) && q.ValueKind == JsonValueKind.Number ? q.GetInt64() : 0;
        await _dispatchGate.WaitAsync();
        try
        {
            List<(long Seq, string Type, JsonElement Data)> missed;
            long resumedSeq;
            lock (_sync)
            {
                if (sessionId is null || sessionId != _sessionId)
                {
                    missed = [];
                    resumedSeq = -1;
                }
                else
                {
                    missed = _history.Where(e => e.Seq > after).ToList();
                    resumedSeq = ++_sequence;
                    _history.Add((resumedSeq, "RESUMED", Null()));
                }
            }

            if (resumedSeq < 0)
            {
                await connection.SendAsync(Payload(9, JsonSerializer.SerializeToElement(false), null, null));
                return true;
            }

            connection.Authenticated = true;
            foreach (var (seq, type, element) in missed)
            {
                await connection.SendAsync(Payload(0, element, seq, type));
            }

            await connection.SendAsync(Payload(0, Null(), resumedSeq, "RESUMED"));
            SetLive(connection);
            return true;
        }
        finally
        {
            _dispatchGate.Release();
        }
    }

    private void SetLive(FakeGatewayConnection connection)
    {
        lock (_sync)
        {
            _live = connection;
            Changed();
        }
    }

    private static JsonElement Null() => JsonSerializer.SerializeToElement<object?>(null);

    private static byte[] Payload(int op, JsonElement data, long? seq, string? type)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("op", op);
            writer.WritePropertyName("d");
            if (data.ValueKind == JsonValueKind.Undefined)
            {
                writer.WriteNullValue();
            }
            else
            {
                data.WriteTo(writer);
            }

            if (seq is { } s)
            {
                writer.WriteNumber("s", s);
            }
            else
            {
                writer.WriteNull("s");
            }

            writer.WriteString("t", type);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}

/// <summary>One client connection to <see cref="FakeDiscordGateway"/>.</summary>
public sealed class FakeGatewayConnection
{
    private readonly FakeDiscordGateway _gateway;
    private readonly HttpContext _context;
    private readonly int? _fragmentSize;
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly List<FakeGatewayFrame> _frames = [];
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal FakeGatewayConnection(FakeDiscordGateway gateway, int index, string path, string query, WebSocket socket, HttpContext context, bool ackHeartbeats, int? fragmentSize)
    {
        (_gateway, Index, Path, Query, Socket, _context, AckHeartbeats, _fragmentSize) = (gateway, index, path, query, socket, context, ackHeartbeats, fragmentSize);
    }

    /// <summary>0 for the first connection, then 1, 2...</summary>
    public int Index { get; }

    /// <summary><c>/gateway</c> or <c>/resume</c>.</summary>
    public string Path { get; }

    /// <summary>The query string, e.g. <c>?v=10&amp;encoding=json</c>.</summary>
    public string Query { get; }

    public bool IsResumeUrl => Path.StartsWith("/resume", StringComparison.Ordinal);

    private volatile bool _ackHeartbeats;

    /// <summary>Whether heartbeats on this connection are ACKed; false makes the client see a zombie connection.</summary>
    public bool AckHeartbeats
    {
        get => _ackHeartbeats;
        set => _ackHeartbeats = value;
    }

    /// <summary>Identified or resumed.</summary>
    public bool Authenticated { get; internal set; }

    /// <summary>The code of the client's close frame, if it sent one.</summary>
    public int? ClientCloseCode { get; private set; }

    public string? ClientCloseReason { get; private set; }

    public bool Ended { get; private set; }

    /// <summary>Completes when the connection is over.</summary>
    public Task Completion => _ended.Task;

    public IReadOnlyList<FakeGatewayFrame> Frames
    {
        get
        {
            lock (_frames)
            {
                return [.. _frames];
            }
        }
    }

    internal WebSocket Socket { get; }

    public Task<FakeGatewayFrame> WaitForOpAsync(int op, TimeSpan timeout) => _gateway.WaitForOpAsync(op, timeout, Index);

    internal void Add(FakeGatewayFrame frame)
    {
        lock (_frames)
        {
            _frames.Add(frame);
        }
    }

    internal void ClientClosed(int? code, string? reason) => (ClientCloseCode, ClientCloseReason) = (code, reason);

    internal void End()
    {
        Ended = true;
        _ended.TrySetResult();
    }

    internal async Task SendAsync(byte[] payload)
    {
        await _send.WaitAsync();
        try
        {
            if (Socket.State != WebSocketState.Open)
            {
                return;
            }

            var size = _fragmentSize is { } f and > 0 ? f : payload.Length;
            for (var offset = 0; offset < payload.Length || offset == 0; offset += size)
            {
                var count = Math.Min(size, payload.Length - offset);
                var last = offset + count >= payload.Length;
                await Socket.SendAsync(payload.AsMemory(offset, count), WebSocketMessageType.Text, last, CancellationToken.None);
                if (last)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException)
        {
            // The client went away.
        }
        finally
        {
            _send.Release();
        }
    }

    internal async Task CloseAsync(int code, string reason)
    {
        await _send.WaitAsync();
        try
        {
            if (Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await Socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException)
        {
        }
        finally
        {
            _send.Release();
        }
    }

    internal void Abort()
    {
        if (Ended)
        {
            return;
        }

        try
        {
            Socket.Abort();
            _context.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The request finished meanwhile.
        }
    }
}

/// <summary>A frame the client sent: its number among all frames, connection index, opcode, <c>d</c> and raw JSON.</summary>
public sealed record FakeGatewayFrame(int Number, int Connection, int Op, JsonElement Data, string Json);
