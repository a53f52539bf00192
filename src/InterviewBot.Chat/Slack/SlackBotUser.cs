using Microsoft.Extensions.Logging;

namespace InterviewBot.Chat.Slack;

/// <summary>The bot's own user id (auth.test), asked once and remembered, so the bot ignores its own messages. A
/// failed call is logged and asked again next time.</summary>
internal sealed partial class SlackBotUser(SlackWebApi api, ILogger<SlackBotUser> logger)
{
    private volatile string? _userId;

    public async Task<string?> IdAsync(CancellationToken ct)
    {
        if (_userId is { } known)
        {
            return known;
        }

        try
        {
            var identity = await api.AuthTestAsync(ct).ConfigureAwait(false);
            LogIdentity(logger, identity.UserId ?? "(none)", identity.TeamId ?? "(none)");
            return _userId = identity.UserId;
        }
        catch (SlackApiException e)
        {
            LogAuthTestFailed(logger, e.Error ?? e.Status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }
    }

    [LoggerMessage(EventId = 3300, Level = LogLevel.Information, Message = "Slack bot user is {UserId} in team {TeamId}")]
    private static partial void LogIdentity(ILogger logger, string userId, string teamId);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "Slack auth.test failed ({Error}); check Slack:BotToken")]
    private static partial void LogAuthTestFailed(ILogger logger, string error);
}
