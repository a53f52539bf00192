using System.Collections.Concurrent;
using InterviewBot.Chat.Slack;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Qotd;

/// <summary>Who may manage quote-of-the-day subscriptions in Slack: the user ids listed in
/// <see cref="SlackOptions.QotdManagers"/>, else the workspace's admins and owners as users.info tells (scope
/// users:read). When users.info fails (most often <c>missing_scope</c>) the answer is no, and a warning naming the
/// fix is logged once per error code.</summary>
internal sealed partial class SlackQotdManagers(SlackWebApi api, IOptions<SlackOptions> options, ILogger<SlackQotdManagers> logger)
{
    private readonly ConcurrentDictionary<string, bool> _warned = new(StringComparer.Ordinal);

    public async Task<bool> MayManageAsync(string userId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (options.Value.QotdManagers.Contains(userId, StringComparer.Ordinal))
        {
            return true;
        }

        try
        {
            var response = await api.UsersInfoAsync(userId, ct).ConfigureAwait(false);
            var user = SlackJson.Get(response, "user");
            return user is { } u && (SlackJson.IsTrue(u, "is_admin") || SlackJson.IsTrue(u, "is_owner") || SlackJson.IsTrue(u, "is_primary_owner"));
        }
        catch (SlackApiException e) when (e.Error is "user_not_found" or "user_not_visible")
        {
            LogUnknownUser(logger, userId, e.Error);
            return false;
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException or InvalidOperationException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            var error = (e as SlackApiException)?.Error ?? e.GetType().Name;
            if (_warned.TryAdd(error, true))
            {
                LogUsersInfoFailed(logger, error);
            }
            else
            {
                LogUsersInfoFailedAgain(logger, error);
            }

            return false;
        }
    }

    [LoggerMessage(EventId = 3810, Level = LogLevel.Warning, Message = "Slack users.info failed ({Error}), so only the users listed in Slack:QotdManagers may manage quote-of-the-day subscriptions. Add the users:read scope to the Slack app and reinstall it, or list the managers' user ids in Slack:QotdManagers")]
    private static partial void LogUsersInfoFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 3811, Level = LogLevel.Debug, Message = "Slack users.info failed ({Error}); not a quote-of-the-day manager")]
    private static partial void LogUsersInfoFailedAgain(ILogger logger, string error);

    [LoggerMessage(EventId = 3812, Level = LogLevel.Debug, Message = "Slack users.info does not know user {UserId} ({Error}); not a quote-of-the-day manager")]
    private static partial void LogUnknownUser(ILogger logger, string userId, string error);
}
