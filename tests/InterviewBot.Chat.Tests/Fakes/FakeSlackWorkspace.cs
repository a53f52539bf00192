using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace InterviewBot.Chat.Tests.Fakes;

/// <summary>The fake Slack's workspace state: each channel's messages (kept from chat.postMessage, or planted with
/// <see cref="AddMessage"/>) for conversations.history, and its users for users.info.</summary>
internal sealed class FakeSlackWorkspace(FakeSlack fake)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<JsonObject>> _channels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (bool Admin, bool Owner, bool PrimaryOwner)> _users = new(StringComparer.Ordinal);

    /// <summary>Makes users.info describe <paramref name="userId"/> so. Any other id that looks like a user id (U… or
    /// W…) is a regular member; anything else is <c>user_not_found</c>.</summary>
    public void SetUser(string userId, bool admin = false, bool owner = false, bool primaryOwner = false) => _users[userId] = (admin, owner, primaryOwner);

    /// <summary>Plants a message in a channel "behind the client's back": by the bot (user <see cref="FakeSlack.BotUserId"/>,
    /// bot_id <see cref="FakeSlack.BotId"/>) unless <paramref name="user"/> names someone else, at <paramref name="at"/>
    /// (now by default). Returns its ts.</summary>
    public string AddMessage(string channel, string text, string? user = null, DateTimeOffset? at = null, JsonArray? blocks = null)
    {
        var message = new JsonObject { ["type"] = "message", ["text"] = text, ["user"] = user ?? FakeSlack.BotUserId };
        if (user is null)
        {
            message["bot_id"] = FakeSlack.BotId;
            message["app_id"] = "A1";
        }

        if (blocks is not null)
        {
            message["blocks"] = blocks.DeepClone();
        }

        return Store(channel, message, at is { } time ? FakeSlack.TsOf(time) : fake.NextTs());
    }

    /// <summary>The channel's messages, oldest first.</summary>
    public IReadOnlyList<JsonObject> Messages(string channel)
    {
        lock (_lock)
        {
            return _channels.TryGetValue(channel, out var list) ? [.. list.OrderBy(Ts).Select(m => (JsonObject)m.DeepClone())] : [];
        }
    }

    /// <summary>chat.postMessage by the bot: keeps the message as Slack would show it in the history.</summary>
    public string Posted(string channel, FakeSlackCall call)
    {
        var message = new JsonObject
        {
            ["type"] = "message", ["user"] = FakeSlack.BotUserId, ["bot_id"] = FakeSlack.BotId, ["app_id"] = "A1", ["text"] = call.Str("text") ?? "", ["team"] = "T1",
        };
        if (call.Json.TryGetProperty("blocks", out var blocks))
        {
            message["blocks"] = JsonNode.Parse(blocks.GetRawText());
        }

        return Store(channel, message, fake.NextTs());
    }

    /// <summary>conversations.history: newest first; <c>oldest</c>/<c>latest</c> exclusive unless
    /// <c>inclusive</c>; <c>limit</c> (default 100) a page, <c>cursor</c> from <c>response_metadata.next_cursor</c>.</summary>
    public JsonObject History(FakeSlackCall call)
    {
        if (call.Arg("channel") is not { Length: > 0 } channel)
        {
            return new JsonObject { ["ok"] = false, ["error"] = "channel_not_found" };
        }

        var inclusive = call.Arg("inclusive") is "true" or "1";
        var oldest = decimal.TryParse(call.Arg("oldest"), NumberStyles.Number, CultureInfo.InvariantCulture, out var o) ? o : decimal.MinValue;
        var latest = decimal.TryParse(call.Arg("latest"), NumberStyles.Number, CultureInfo.InvariantCulture, out var l) ? l : decimal.MaxValue;
        var limit = int.TryParse(call.Arg("limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? Math.Min(n, 999) : 100;
        var skip = call.Arg("cursor") is { Length: > 2 } cursor && cursor.StartsWith("o:", StringComparison.Ordinal) ? int.Parse(cursor[2..], CultureInfo.InvariantCulture) : 0;
        var matching = Messages(channel)
            .Where(m => inclusive ? Ts(m) >= oldest && Ts(m) <= latest : Ts(m) > oldest && Ts(m) < latest)
            .OrderByDescending(Ts)
            .ToList();
        var page = matching.Skip(skip).Take(limit).ToList();
        var more = skip + page.Count < matching.Count;
        return new JsonObject
        {
            ["ok"] = true,
            ["messages"] = new JsonArray([.. page]),
            ["has_more"] = more,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = more ? string.Create(CultureInfo.InvariantCulture, $"o:{skip + page.Count}") : "" },
        };
    }

    /// <summary>users.info for <c>user</c>.</summary>
    public JsonObject UserInfo(FakeSlackCall call)
    {
        var id = call.Arg("user");
        if (id is not { Length: > 1 } || id[0] is not ('U' or 'W'))
        {
            return new JsonObject { ["ok"] = false, ["error"] = "user_not_found" };
        }

        var (admin, owner, primary) = _users.TryGetValue(id, out var roles) ? roles : default;
        return new JsonObject
        {
            ["ok"] = true,
            ["user"] = new JsonObject
            {
                ["id"] = id, ["team_id"] = "T1", ["name"] = id.ToLowerInvariant(), ["deleted"] = false, ["is_bot"] = false,
                ["is_admin"] = admin, ["is_owner"] = owner, ["is_primary_owner"] = primary,
            },
        };
    }

    private string Store(string channel, JsonObject message, string ts)
    {
        message["ts"] = ts;
        lock (_lock)
        {
            if (!_channels.TryGetValue(channel, out var list))
            {
                _channels[channel] = list = [];
            }

            list.Add(message);
        }

        return ts;
    }

    private static decimal Ts(JsonObject message) => decimal.Parse((string)message["ts"]!, CultureInfo.InvariantCulture);
}
