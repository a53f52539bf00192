using Microsoft.Extensions.Logging;

namespace InterviewBot.Chat.Slack;

/// <summary>Log messages of <see cref="SlackSocketConnection"/>.</summary>
internal sealed partial class SlackSocketConnection
{
    [LoggerMessage(EventId = 3600, Level = LogLevel.Information, Message = "Slack Socket Mode connected (hello; {Connections} connections)")]
    private static partial void LogHello(ILogger logger, int connections);

    [LoggerMessage(EventId = 3601, Level = LogLevel.Information, Message = "Slack Socket Mode disconnect: {Reason}")]
    private static partial void LogDisconnect(ILogger logger, string reason);

    [LoggerMessage(EventId = 3602, Level = LogLevel.Warning, Message = "Could not ack Slack {Type} envelope {EnvelopeId}; Slack will redeliver it")]
    private static partial void LogNotAcked(ILogger logger, string type, string envelopeId);

    [LoggerMessage(EventId = 3603, Level = LogLevel.Debug, Message = "Slack Socket Mode read ended: {Reason}")]
    private static partial void LogReadEnded(ILogger logger, string reason);

    [LoggerMessage(EventId = 3605, Level = LogLevel.Warning, Message = "Ignoring a Slack Socket Mode message that is not JSON: {Reason}")]
    private static partial void LogBadMessage(ILogger logger, string reason);

    [LoggerMessage(EventId = 3604, Level = LogLevel.Debug, Message = "Slack Socket Mode close failed: {Reason}")]
    private static partial void LogCloseFailed(ILogger logger, string reason);
}
