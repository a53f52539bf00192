using System.Text.Json;

namespace InterviewBot.Chat.Slack;

/// <summary>The fields of a slash command the bot uses, whether they came as an HTTP form or a Socket Mode
/// envelope's payload. <see cref="TriggerId"/> serves as the request's correlation id.</summary>
internal sealed record SlackCommand(string Command, string Text, string ResponseUrl, string? UserId, string? ChannelId, string? TriggerId = null)
{
    public static SlackCommand? From(Func<string, string?> field) =>
        field("command") is { Length: > 0 } command && field("response_url") is { Length: > 0 } responseUrl
            ? new SlackCommand(command, field("text") ?? "", responseUrl, field("user_id"), field("channel_id"), field("trigger_id"))
            : null;

    public static SlackCommand? From(JsonElement payload) => From(name => SlackJson.Str(payload, name));
}
