using System.Globalization;
using System.Text.Json;
using InterviewBot.Chat.Commands;
using InterviewBot.Chat.Slack;
using InterviewBot.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Qotd;

/// <summary>Posts the quote of the day to a Slack channel with chat.postMessage (scope chat:write; the bot must be in
/// the channel), rendered by <see cref="SlackRenderer"/> exactly like <c>/quote</c>. Slack has no idempotency key, so
/// the post is sent at most once per call (<see cref="SlackWebApi.PostMessageAtMostOnceAsync"/>): a 5xx or a timeout
/// may have posted, and the caller asks <see cref="FindPostedAsync"/> before trying again. That reads
/// conversations.history (channels:history, groups:history) from <c>since</c> on for a message by this bot
/// (<c>user</c> = its user id or <c>bot_id</c> = its bot id, from auth.test, asked once) whose heading block (or
/// the first line of its text) is the rendered heading. Matching the text, not message metadata, keeps the post
/// identical to <c>/quote</c> and adds no failure mode.</summary>
internal sealed partial class SlackQotdPoster(SlackWebApi api, IOptions<SlackOptions> options, ILogger<SlackQotdPoster> logger) : IQotdPoster
{
    private const int PageSize = 100;
    private volatile SlackIdentity? _identity;

    /// <summary>History pages (of 100 messages from <c>since</c> on) read before giving up.</summary>
    internal int MaxPages { get; set; } = 5;

    public string Platform => ChannelRef.Slack;

    public string? Unavailable => string.IsNullOrWhiteSpace(options.Value.BotToken) ? "Slack:BotToken is not set" : null;

    public async Task<string> PostAsync(string channelId, ChatReply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var message = SlackRenderer.Render(reply);
        var what = $"post to channel {channelId}";
        var ts = await CallAsync(() => api.PostMessageAtMostOnceAsync(channelId, message, ct), what, ct).ConfigureAwait(false)
            ?? throw new QotdPostException($"Slack answered a post to channel {channelId} without a ts", permanent: false);
        LogPosted(logger, channelId, ts);
        return ts;
    }

    public async Task<string?> FindPostedAsync(string channelId, string heading, DateTimeOffset since, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(heading);
        var what = $"read channel {channelId}";
        var me = await IdentityAsync(what, ct).ConfigureAwait(false);
        var oldest = (since.ToUnixTimeMilliseconds() / 1000m).ToString("F6", CultureInfo.InvariantCulture);
        var expected = SlackQotdHeading.Rendered(heading);
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var response = await CallAsync(() => api.ConversationsHistoryAsync(channelId, oldest, PageSize, cursor, ct), what, ct).ConfigureAwait(false);
            var found = Messages(response)
                .Where(m => IsMine(m, me) && SlackQotdHeading.Matches(m, heading, expected))
                .Select(m => SlackJson.Str(m, "ts"))
                .OfType<string>()
                .MinBy(ts => decimal.TryParse(ts, NumberStyles.Number, CultureInfo.InvariantCulture, out var t) ? t : decimal.MaxValue);
            if (found is not null)
            {
                return found;
            }

            cursor = SlackJson.IsTrue(response, "has_more") && SlackJson.Get(response, "response_metadata") is { } meta ? SlackJson.Str(meta, "next_cursor") : null;
            if (string.IsNullOrEmpty(cursor))
            {
                return null;
            }
        }

        LogGaveUp(logger, channelId, MaxPages * PageSize);
        return null;
    }

    private static IEnumerable<JsonElement> Messages(JsonElement response) =>
        SlackJson.Get(response, "messages") is { ValueKind: JsonValueKind.Array } messages ? messages.EnumerateArray() : [];

    private static bool IsMine(JsonElement message, SlackIdentity me) =>
        (me.UserId is { } user && SlackJson.Str(message, "user") == user) || (me.BotId is { } bot && SlackJson.Str(message, "bot_id") == bot);

    private async Task<SlackIdentity> IdentityAsync(string what, CancellationToken ct)
    {
        if (_identity is { } known)
        {
            return known;
        }

        var identity = await CallAsync(() => api.AuthTestAsync(ct), what, ct).ConfigureAwait(false);
        return identity.UserId is null && identity.BotId is null
            ? throw new QotdPostException("Slack auth.test named neither a bot user nor a bot id", permanent: false)
            : _identity = identity;
    }

    private async Task<T> CallAsync<T>(Func<Task<T>> call, string what, CancellationToken ct)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (SlackQotdErrors.Translate(e, what, ct) is { } error)
        {
            LogFailed(logger, error.Permanent ? "permanent" : "transient", error.Message);
            throw error;
        }
    }

    [LoggerMessage(EventId = 3800, Level = LogLevel.Information, Message = "Quote of the day posted to Slack channel {ChannelId} as message {Ts}")]
    private static partial void LogPosted(ILogger logger, string channelId, string ts);

    [LoggerMessage(EventId = 3801, Level = LogLevel.Warning, Message = "Quote of the day ({Kind} failure): {Reason}")]
    private static partial void LogFailed(ILogger logger, string kind, string reason);

    [LoggerMessage(EventId = 3802, Level = LogLevel.Warning, Message = "Slack channel {ChannelId}: no earlier quote of the day found in the first {Count} messages since the attempt began; assuming none")]
    private static partial void LogGaveUp(ILogger logger, string channelId, int count);
}
