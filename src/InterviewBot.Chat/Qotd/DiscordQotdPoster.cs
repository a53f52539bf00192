using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InterviewBot.Chat.Commands;
using InterviewBot.Chat.Discord;
using InterviewBot.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Qotd;

/// <summary>Posts the quote of the day to a Discord channel through the bot's REST API, rendered by
/// <see cref="DiscordRenderer"/> exactly like <c>/quote</c>. Each post carries a nonce derived from the channel and
/// the heading with <c>enforce_nonce</c>, so a retry within Discord's window (a few minutes) returns the message
/// already created instead of posting twice. <see cref="FindPostedAsync"/> reads the channel's history
/// (VIEW_CHANNEL and READ_MESSAGE_HISTORY) for a message authored by the bot user (<c>GET users/@me</c>, asked once:
/// exact even for old apps whose bot user id differs from the application id, and never fooled by another bot)
/// whose content is the rendered heading. <see cref="DiscordRestClient"/> retries 429, 5xx and network errors
/// itself; what still fails becomes a <see cref="QotdPostException"/> (<see cref="DiscordQotdErrors"/>).</summary>
internal sealed partial class DiscordQotdPoster(DiscordRestClient rest, IOptions<DiscordOptions> options, ILogger<DiscordQotdPoster> logger) : IQotdPoster
{
    private const long DiscordEpochMs = 1_420_070_400_000;
    private const int PageSize = 100;
    private volatile string? _botUserId;

    /// <summary>History pages (of 100 messages from <c>since</c> on) read before giving up.</summary>
    internal int MaxPages { get; set; } = 5;

    public string Platform => ChannelRef.Discord;

    public string? Unavailable => string.IsNullOrWhiteSpace(options.Value.BotToken) ? "Discord:BotToken is not set" : null;

    public async Task<string> PostAsync(string channelId, ChatReply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var message = DiscordRenderer.Render(reply);
        message.Remove("flags"); // ephemeral only exists for interaction replies
        message["nonce"] = Nonce(channelId, reply.Heading ?? message.ToJsonString());
        message["enforce_nonce"] = true;
        var created = await CallAsync(() => rest.CreateMessageAsync(channelId, message, ct), $"post to channel {channelId}", ct).ConfigureAwait(false);
        var id = DiscordJson.Str(created, "id") ?? throw new QotdPostException($"Discord answered a post to channel {channelId} without a message id", permanent: false);
        LogPosted(logger, channelId, id);
        return id;
    }

    public async Task<string?> FindPostedAsync(string channelId, string heading, DateTimeOffset since, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(heading);
        var what = $"read channel {channelId}";
        var bot = await BotUserIdAsync(what, ct).ConfigureAwait(false);
        var after = Snowflake(since);
        var rendered = DiscordRenderer.Render(new ChatReply { Heading = heading })["content"]?.GetValue<string>();
        for (var page = 0; page < MaxPages; page++)
        {
            var messages = await CallAsync(() => rest.GetChannelMessagesAsync(channelId, after.ToString(CultureInfo.InvariantCulture), PageSize, ct), what, ct).ConfigureAwait(false);
            if (messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
            {
                return null;
            }

            var ids = messages.EnumerateArray().Select(m => (Message: m, Id: ulong.TryParse(DiscordJson.Str(m, "id"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)).ToList();
            var match = ids.Where(m => m.Id > 0 && IsHeadingByBot(m.Message, bot, heading, rendered)).OrderBy(m => m.Id).FirstOrDefault();
            if (match.Id > 0)
            {
                return match.Id.ToString(CultureInfo.InvariantCulture);
            }

            var newest = ids.Max(m => m.Id);
            if (ids.Count < PageSize || newest <= after)
            {
                return null;
            }

            after = newest;
        }

        LogGaveUp(logger, channelId, MaxPages * PageSize);
        return null;
    }

    /// <summary>The smallest snowflake Discord could give a message created at <paramref name="time"/>, minus one
    /// (<c>after</c> is exclusive).</summary>
    internal static ulong Snowflake(DateTimeOffset time)
    {
        var ms = time.ToUnixTimeMilliseconds() - DiscordEpochMs;
        return ms <= 0 ? 0 : ((ulong)ms << 22) - 1;
    }

    /// <summary>At most 25 characters, the same for the same channel and heading.</summary>
    internal static string Nonce(string channelId, string heading) =>
        "q" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(channelId + "\n" + heading)))[..24];

    /// <summary>By the bot, and its content is <paramref name="rendered"/> (the heading as the renderer writes it) or
    /// reads as the heading once unescaped.</summary>
    private static bool IsHeadingByBot(JsonElement message, string bot, string heading, string? rendered)
    {
        if (!message.TryGetProperty("author", out var author) || DiscordJson.Str(author, "id") != bot || DiscordJson.Str(message, "content") is not { } content)
        {
            return false;
        }

        return content == rendered
            || (content.Length >= 4 && content.StartsWith("**", StringComparison.Ordinal) && content.EndsWith("**", StringComparison.Ordinal)
                && DiscordText.Unescape(content[2..^2]) == heading);
    }

    private async Task<string> BotUserIdAsync(string what, CancellationToken ct)
    {
        if (_botUserId is { } known)
        {
            return known;
        }

        var me = await CallAsync(() => rest.GetCurrentUserAsync(ct), what, ct).ConfigureAwait(false);
        return _botUserId = DiscordJson.Str(me, "id") ?? throw new QotdPostException("Discord GET users/@me answered without an id", permanent: false);
    }

    private async Task<JsonElement> CallAsync(Func<Task<JsonElement>> call, string what, CancellationToken ct)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (DiscordQotdErrors.Translate(e, what, ct) is { } error)
        {
            LogFailed(logger, error.Permanent ? "permanent" : "transient", error.Message);
            throw error;
        }
    }

    [LoggerMessage(EventId = 2400, Level = LogLevel.Information, Message = "Quote of the day posted to Discord channel {ChannelId} as message {MessageId}")]
    private static partial void LogPosted(ILogger logger, string channelId, string messageId);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Warning, Message = "Quote of the day ({Kind} failure): {Reason}")]
    private static partial void LogFailed(ILogger logger, string kind, string reason);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Warning, Message = "Discord channel {ChannelId}: no earlier quote of the day found in the first {Count} messages since the attempt began; assuming none")]
    private static partial void LogGaveUp(ILogger logger, string channelId, int count);
}
