using System.Buffers;
using System.Text.Json;

namespace InterviewBot.Chat.Discord;

/// <summary>Gateway v10 opcodes used by the client.</summary>
internal static class GatewayOp
{
    public const int Dispatch = 0;
    public const int Heartbeat = 1;
    public const int Identify = 2;
    public const int Resume = 6;
    public const int Reconnect = 7;
    public const int InvalidSession = 9;
    public const int Hello = 10;
    public const int HeartbeatAck = 11;
}

/// <summary>What to do after a connection ends.</summary>
internal enum GatewayNext
{
    /// <summary>Reconnect and resume the session (or identify when there is none).</summary>
    Resume,

    /// <summary>Forget the session and identify on a new connection.</summary>
    NewSession,

    /// <summary>Do not reconnect: the configuration must be fixed.</summary>
    Fatal,

    /// <summary>The host is shutting down.</summary>
    Stop,
}

/// <summary>Wire details of Discord's gateway v10 (JSON encoding, no compression): URLs, payloads, close codes.</summary>
internal static class GatewayProtocol
{
    public const int Version = 10;

    /// <summary>Discord closes the connection (4002) when a sent payload is larger than this.</summary>
    public const int MaxSendBytes = 4096;

    /// <summary>Close code the client uses when it means to resume: anything but 1000/1001 keeps the session alive.</summary>
    public const int ResumableCloseCode = 4900;

    /// <summary>Adds <c>v=10&amp;encoding=json</c> to a gateway URL (replacing any <c>v</c>, <c>encoding</c> or
    /// <c>compress</c> already there), gives it a path, and maps http(s) to ws(s).</summary>
    public static Uri BuildUrl(string url)
    {
        var builder = new UriBuilder(url.Trim());
        builder.Scheme = builder.Scheme switch
        {
            "http" => "ws",
            "https" => "wss",
            var scheme => scheme,
        };
        if (builder.Uri.IsDefaultPort)
        {
            builder.Port = -1;
        }

        if (string.IsNullOrEmpty(builder.Path))
        {
            builder.Path = "/";
        }

        var kept = builder.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Where(part => !IsOwnParameter(part));
        builder.Query = string.Join('&', kept.Append($"v={Version}").Append("encoding=json"));
        return builder.Uri;
    }

    private static bool IsOwnParameter(string part)
    {
        var name = part.Split('=', 2)[0];
        return name.Equals("v", StringComparison.OrdinalIgnoreCase) || name.Equals("encoding", StringComparison.OrdinalIgnoreCase)
            || name.Equals("compress", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>What a close code sent by Discord means; no code at all (a dropped connection) is resumable.</summary>
    public static GatewayNext Classify(int? closeCode) => closeCode switch
    {
        4007 or 4009 => GatewayNext.NewSession,
        4004 or 4010 or 4011 or 4012 or 4013 or 4014 => GatewayNext.Fatal,
        _ => GatewayNext.Resume,
    };

    /// <summary>What a fatal close code means and how to fix it.</summary>
    public static string FatalAdvice(int closeCode) => closeCode switch
    {
        4004 => "authentication failed: check Discord:BotToken (Bot page of the Developer Portal; reset the token if it leaked)",
        4010 => "invalid shard: this bot connects unsharded, so check for another process identifying with this token",
        4011 => "sharding required: the bot is in too many guilds for a single unsharded connection",
        4012 => "invalid API version: check Discord:Gateway:Url (the client speaks gateway v10)",
        4013 => "invalid intents: Discord:Gateway:Intents must be a valid intents bit field (default 4608)",
        4014 => "disallowed intents: enable them in the Developer Portal (Bot page, Privileged Gateway Intents) or lower Discord:Gateway:Intents",
        _ => "the gateway refused the connection",
    };

    public static byte[] Heartbeat(long? sequence) => Write(GatewayOp.Heartbeat, writer =>
    {
        if (sequence is { } s)
        {
            writer.WriteNumberValue(s);
        }
        else
        {
            writer.WriteNullValue();
        }
    });

    public static byte[] Identify(string token, int intents) => Write(GatewayOp.Identify, writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("token", token);
        writer.WriteNumber("intents", intents);
        writer.WriteStartObject("properties");
        writer.WriteString("os", OperatingSystemName());
        writer.WriteString("browser", "interviewbot");
        writer.WriteString("device", "interviewbot");
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    public static byte[] Resume(string token, string sessionId, long? sequence) => Write(GatewayOp.Resume, writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("token", token);
        writer.WriteString("session_id", sessionId);
        writer.WritePropertyName("seq");
        if (sequence is { } s)
        {
            writer.WriteNumberValue(s);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteEndObject();
    });

    private static byte[] Write(int op, Action<Utf8JsonWriter> data)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("op", op);
            writer.WritePropertyName("d");
            data(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string OperatingSystemName() =>
        OperatingSystem.IsLinux() ? "linux"
        : OperatingSystem.IsWindows() ? "windows"
        : OperatingSystem.IsMacOS() ? "macos"
        : OperatingSystem.IsFreeBSD() ? "freebsd"
        : "unknown";
}
