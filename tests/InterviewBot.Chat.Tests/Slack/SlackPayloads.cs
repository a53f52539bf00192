using System.Text.Json.Nodes;

namespace InterviewBot.Chat.Tests.Slack;

/// <summary>Requests shaped as Slack documents them (slash command form fields, event_callback envelopes,
/// block_actions payloads).</summary>
internal static class SlackPayloads
{
    public static KeyValuePair<string, string>[] Slash(string command, string text, string responseUrl) =>
    [
        new("token", "deprecated-verification-token"), new("team_id", "T1"), new("team_domain", "test"), new("channel_id", "C1"),
        new("channel_name", "general"), new("user_id", "U1"), new("user_name", "someone"), new("command", command), new("text", text),
        new("api_app_id", "A1"), new("response_url", responseUrl), new("trigger_id", "1.2.3"),
    ];

    public static JsonObject SlashJson(string command, string text, string responseUrl) =>
        new(Slash(command, text, responseUrl).Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value)));

    public static JsonObject Event(string eventId, JsonObject ev) => new()
    {
        ["token"] = "deprecated", ["team_id"] = "T1", ["api_app_id"] = "A1", ["type"] = "event_callback", ["event_id"] = eventId,
        ["event_time"] = 1_700_000_000, ["event"] = ev,
        ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = "T1", ["user_id"] = Fakes.FakeSlack.BotUserId, ["is_bot"] = true }),
    };

    public static JsonObject Mention(string text, string ts, string user = "U1", string channel = "C1", string? threadTs = null)
    {
        var ev = new JsonObject { ["type"] = "app_mention", ["user"] = user, ["text"] = $"<@{Fakes.FakeSlack.BotUserId}> {text}", ["ts"] = ts, ["channel"] = channel, ["event_ts"] = ts };
        if (threadTs is not null)
        {
            ev["thread_ts"] = threadTs;
        }

        return ev;
    }

    public static JsonObject DirectMessage(string text, string ts, string user = "U1") => new()
    {
        ["type"] = "message", ["channel_type"] = "im", ["user"] = user, ["text"] = text, ["ts"] = ts, ["channel"] = "D1", ["event_ts"] = ts,
    };

    public static JsonObject BlockActions(string actionId, string value, string responseUrl) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = "U1", ["username"] = "someone", ["team_id"] = "T1" },
        ["api_app_id"] = "A1", ["team"] = new JsonObject { ["id"] = "T1" },
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000100.000100", ["channel_id"] = "C1", ["is_ephemeral"] = false },
        ["channel"] = new JsonObject { ["id"] = "C1", ["name"] = "general" },
        ["message"] = new JsonObject { ["type"] = "message", ["ts"] = "1700000100.000100", ["text"] = "previous" },
        ["trigger_id"] = "1.2.3", ["response_url"] = responseUrl,
        ["actions"] = new JsonArray(new JsonObject
        {
            ["action_id"] = actionId, ["block_id"] = "b1", ["value"] = value, ["type"] = "button", ["action_ts"] = "1700000200.000100",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "More quotes" },
        }),
    };

    public static KeyValuePair<string, string>[] Interaction(JsonObject payload) => [new("payload", payload.ToJsonString())];
}
