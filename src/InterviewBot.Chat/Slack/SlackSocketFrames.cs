using System.Net.WebSockets;
using System.Text;

namespace InterviewBot.Chat.Slack;

/// <summary>Reading whole messages from a WebSocket.</summary>
internal static class SlackSocketFrames
{
    /// <summary>The next message as text ("" for a binary one), or null when the peer closes.</summary>
    public static async Task<string?> ReceiveTextAsync(WebSocket socket, int maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(chunk, ct).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Write(chunk, 0, result.Count);
            if (buffer.Length > maxBytes)
            {
                throw new InvalidOperationException($"a Socket Mode message over {maxBytes} bytes");
            }

            if (result.EndOfMessage)
            {
                return result.MessageType == WebSocketMessageType.Text ? Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) : "";
            }
        }
    }
}
