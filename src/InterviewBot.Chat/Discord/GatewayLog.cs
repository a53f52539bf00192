using Microsoft.Extensions.Logging;

namespace InterviewBot.Chat.Discord;

/// <summary>Log lines of the gateway client. None of them carries the token or a whole payload.</summary>
internal sealed partial class DiscordGatewayClient
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway disabled (Discord:Gateway:Enabled is false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord gateway enabled but Discord:BotToken is empty: set Discord:BotToken (environment variable Discord__BotToken) or disable Discord:Gateway:Enabled. Stopping the application")]
    private static partial void LogMissingToken(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord gateway closed the connection with fatal code {CloseCode}, {Advice}. Not reconnecting; stopping the application")]
    private static partial void LogFatal(ILogger logger, int closeCode, string advice);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway client stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconnecting to the Discord gateway in {DelayMs:F0} ms")]
    private static partial void LogWaiting(ILogger logger, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Failures} gateway connections in a row failed; starting a new session and looking the gateway URL up again")]
    private static partial void LogFreshStart(ILogger logger, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not find the Discord gateway URL")]
    private static partial void LogLocateFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connecting to the Discord gateway at {Url} ({Mode})")]
    private static partial void LogConnecting(ILogger logger, Uri url, string mode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not connect to the Discord gateway at {Url}")]
    private static partial void LogConnectFailed(ILogger logger, Uri url, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring a malformed gateway frame")]
    private static partial void LogBadFrame(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway closed the connection with code {CloseCode} ({Reason})")]
    private static partial void LogClosedByServer(ILogger logger, int closeCode, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway connection dropped without a close code")]
    private static partial void LogDropped(ILogger logger, Exception? exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Gateway Hello: heartbeat every {IntervalMs} ms")]
    private static partial void LogHello(ILogger logger, double intervalMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Identifying with the Discord gateway (intents {Intents})")]
    private static partial void LogIdentifying(ILogger logger, int intents);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming Discord gateway session {SessionId} at sequence {Sequence}")]
    private static partial void LogResuming(ILogger logger, string sessionId, long? sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway READY as {User} (session {SessionId})")]
    private static partial void LogReady(ILogger logger, string user, string sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway session {SessionId} RESUMED at sequence {Sequence}")]
    private static partial void LogResumed(ILogger logger, string sessionId, long? sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway asked to reconnect (op 7); resuming")]
    private static partial void LogReconnectRequested(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway invalidated the session (op 9, resumable: {Resumable})")]
    private static partial void LogInvalidSession(ILogger logger, bool resumable);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord gateway asked for a heartbeat (op 1)")]
    private static partial void LogHeartbeatRequested(ILogger logger);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Sending heartbeat (sequence {Sequence})")]
    private static partial void LogHeartbeat(ILogger logger, long? sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No heartbeat ACK since the last heartbeat: zombie connection, reconnecting to resume")]
    private static partial void LogZombie(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Hello from the Discord gateway within {Seconds} s; reconnecting")]
    private static partial void LogNoHello(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignoring gateway opcode {Op}")]
    private static partial void LogUnknownOp(ILogger logger, int op);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling gateway event {EventName} failed")]
    private static partial void LogHandlerFailed(ILogger logger, string eventName, Exception exception);
}
