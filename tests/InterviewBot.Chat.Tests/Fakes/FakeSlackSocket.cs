using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InterviewBot.Chat.Tests.Fakes;

/// <summary>The server side of one Socket Mode connection: sends hello, envelopes and disconnects as Slack does, and
/// records the client's acks. <see cref="HelloSeq"/> and <see cref="ClosedSeq"/> order events across connections.</summary>
internal sealed class FakeSlackSocket(int number, WebSocket socket, FakeSlackRecorder recorder)
{
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, TaskCompletionSource<JsonElement>> _acks = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _envelopes;

    public int Number => number;

    public long HelloSeq { get; private set; }

    public long ClosedSeq { get; private set; }

    /// <summary>Completes when the client closes the connection (or it drops).</summary>
    public Task Closed => _closed.Task;

    public async Task HelloAsync()
    {
        // Numbered before sending: the client can read the hello, and close its old connection, before this send's
        // continuation runs, so numbering after it could put the hello after that close.
        HelloSeq = recorder.NextSeq();
        await SendAsync(new JsonObject
        {
            ["type"] = "hello", ["num_connections"] = number,
            ["connection_info"] = new JsonObject { ["app_id"] = "A1" },
            ["debug_info"] = new JsonObject { ["host"] = "fake", ["approximate_connection_time"] = 18060 },
        });
    }

    /// <summary>Sends an envelope and returns its envelope_id.</summary>
    public async Task<string> SendEnvelopeAsync(string type, JsonNode payload, bool acceptsResponsePayload = false)
    {
        var id = $"env-{number}-{Interlocked.Increment(ref _envelopes)}-{Guid.NewGuid():N}";
        Ack(id);
        await SendAsync(new JsonObject
        {
            ["envelope_id"] = id, ["type"] = type, ["payload"] = payload, ["accepts_response_payload"] = acceptsResponsePayload, ["retry_attempt"] = 0,
        });
        return id;
    }

    public Task DisconnectAsync(string reason) =>
        SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "fake" } });

    /// <summary>The client's ack for an envelope.</summary>
    public Task<JsonElement> WaitForAckAsync(string envelopeId, TimeSpan? timeout = null) => Ack(envelopeId).Task.WaitAsync(timeout ?? FakeSlackRecorder.DefaultTimeout);

    public async Task SendAsync(JsonObject message)
    {
        await _send.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>Reads the client's messages until it closes.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, ct);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await _send.WaitAsync(CancellationToken.None);
                    try
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    }
                    finally
                    {
                        _send.Release();
                    }

                    break;
                }

                var json = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
                if (json.TryGetProperty("envelope_id", out var id) && id.GetString() is { } envelopeId)
                {
                    Ack(envelopeId).TrySetResult(json);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            ClosedSeq = recorder.NextSeq();
            _closed.TrySetResult();
        }
    }

    private TaskCompletionSource<JsonElement> Ack(string envelopeId)
    {
        lock (_lock)
        {
            if (!_acks.TryGetValue(envelopeId, out var tcs))
            {
                _acks[envelopeId] = tcs = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return tcs;
        }
    }
}
