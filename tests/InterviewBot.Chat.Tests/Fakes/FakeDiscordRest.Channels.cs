using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace InterviewBot.Chat.Tests.Fakes;

/// <summary>The fake's channels: every message created with <c>POST channels/{id}/messages</c> (or planted with
/// <see cref="AddMessage"/>) is kept per channel and listed by <c>GET channels/{id}/messages</c> the way Discord does:
/// newest first; <c>limit</c> 1–100 (default 50, else 400 code 50035); with <c>after</c> the <c>limit</c> messages just
/// after that snowflake, with <c>before</c> the ones just before it, else the newest. Message ids are snowflakes of
/// their creation time, so <c>after</c> works with a time turned into a snowflake.</summary>
public sealed partial class FakeDiscordRest
{
    private const long DiscordEpochMs = 1_420_070_400_000;
    private readonly Dictionary<string, List<JsonObject>> _channels = new(StringComparer.Ordinal);
    private long _plantedSeq;

    /// <summary>The bot user's id (<c>GET users/@me</c>), which authors every message the fake creates.</summary>
    public string BotUserId => ApplicationId;

    /// <summary>The snowflake of <paramref name="time"/> with zero worker, process and increment bits.</summary>
    public static ulong SnowflakeAt(DateTimeOffset time) => (ulong)Math.Max(0, time.ToUnixTimeMilliseconds() - DiscordEpochMs) << 22;

    /// <summary>Plants a message "behind the client's back": by the bot unless <paramref name="authorId"/> says
    /// otherwise, created at <paramref name="at"/> (now by default; its id is that time's snowflake). Returns its id.</summary>
    public string AddMessage(string channelId, string content, string? authorId = null, bool bot = true, DateTimeOffset? at = null, string? nonce = null)
    {
        lock (_sync)
        {
            var message = Message(new JsonObject { ["content"] = content }, channelId);
            if (at is { } time)
            {
                message["id"] = (SnowflakeAt(time) + (ulong)(Interlocked.Increment(ref _plantedSeq) & 0xFFF)).ToString(CultureInfo.InvariantCulture);
                message["timestamp"] = time.ToString("O", CultureInfo.InvariantCulture);
            }

            message["author"] = new JsonObject { ["id"] = authorId ?? BotUserId, ["username"] = authorId is null ? "InterviewBot" : "someone", ["bot"] = bot };
            if (nonce is not null)
            {
                message["nonce"] = nonce;
            }

            Store(channelId, message);
            return (string)message["id"]!;
        }
    }

    /// <summary>The channel's messages, oldest first.</summary>
    public IReadOnlyList<JsonObject> ChannelMessages(string channelId)
    {
        lock (_sync)
        {
            return _channels.TryGetValue(channelId, out var list) ? [.. list.OrderBy(Id).Select(m => (JsonObject)m.DeepClone())] : [];
        }
    }

    private (int, JsonNode?) CreateChannelMessage(string channelId, JsonObject? input)
    {
        var nonce = input?["nonce"];
        if (nonce is JsonValue v && v.TryGetValue<string>(out var text) && text.Length > 25)
        {
            return Error(400, 50035, "Invalid Form Body (nonce: Must be 25 or fewer in length.)");
        }

        if (nonce is not null && input?["enforce_nonce"] is JsonValue e && e.TryGetValue<bool>(out var enforce) && enforce
            && _channels.TryGetValue(channelId, out var existing)
            && existing.FirstOrDefault(m => m["nonce"]?.ToJsonString() == nonce.ToJsonString() && (string?)m["author"]?["id"] == BotUserId) is { } earlier)
        {
            return (200, earlier.DeepClone());
        }

        var message = Message(input, channelId);
        message.Remove("enforce_nonce");
        Store(channelId, message);
        return (200, message.DeepClone());
    }

    private (int, JsonNode?) ListChannelMessages(string channelId, IQueryCollection query)
    {
        static ulong? Snowflake(string? s) => ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var limit = query["limit"].Count == 0 ? 50 : int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : -1;
        if (limit is < 1 or > 100)
        {
            return Error(400, 50035, "Invalid Form Body (limit: int value should be less than or equal to 100.)");
        }

        var all = _channels.TryGetValue(channelId, out var list) ? list : [];
        var chosen = (Snowflake(query["after"]), Snowflake(query["before"])) switch
        {
            ({ } after, _) => all.Where(m => Id(m) > after).OrderBy(Id).Take(limit),
            (_, { } before) => all.Where(m => Id(m) < before).OrderByDescending(Id).Take(limit),
            _ => all.OrderByDescending(Id).Take(limit),
        };
        return (200, new JsonArray([.. chosen.OrderByDescending(Id).Select(m => m.DeepClone())]));
    }

    private void Store(string channelId, JsonObject message)
    {
        if (!_channels.TryGetValue(channelId, out var list))
        {
            _channels[channelId] = list = [];
        }

        list.Add((JsonObject)message.DeepClone());
    }

    private static ulong Id(JsonObject message) => ulong.Parse((string)message["id"]!, CultureInfo.InvariantCulture);
}
