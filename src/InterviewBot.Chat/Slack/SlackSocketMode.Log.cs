using Microsoft.Extensions.Logging;

namespace InterviewBot.Chat.Slack;

/// <summary>Log messages of <see cref="SlackSocketMode"/>.</summary>
internal sealed partial class SlackSocketMode
{
    [LoggerMessage(EventId = 3700, Level = LogLevel.Error, Message = "Slack turned Socket Mode off for this app (link_disabled); Socket Mode stops. Turn it on under Settings → Socket Mode and restart, or remove Slack:AppToken")]
    private static partial void LogLinkDisabled(ILogger logger);

    [LoggerMessage(EventId = 3701, Level = LogLevel.Critical, Message = "Slack refused Slack:AppToken ({Error}); stopping. Create an app-level token with scope connections:write (Basic Information → App-Level Tokens)")]
    private static partial void LogFatal(ILogger logger, string error);

    [LoggerMessage(EventId = 3702, Level = LogLevel.Warning, Message = "Slack Socket Mode connection failed: {Reason}")]
    private static partial void LogConnectFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 3703, Level = LogLevel.Information, Message = "Slack Socket Mode reconnecting ({Reason})")]
    private static partial void LogReconnecting(ILogger logger, string reason);

    [LoggerMessage(EventId = 3704, Level = LogLevel.Information, Message = "Slack Socket Mode waiting {DelaySeconds:F1} s before reconnecting (failure {Failures})")]
    private static partial void LogBackoff(ILogger logger, double delaySeconds, int failures);

    [LoggerMessage(EventId = 3705, Level = LogLevel.Debug, Message = "Ignoring a Slack Socket Mode envelope of type {Type}")]
    private static partial void LogIgnored(ILogger logger, string type);
}
