using System.Text.Json;
using System.Text.Json.Nodes;

namespace InterviewBot.Chat.Tests.Fakes;

/// <summary>The fake's default answers, checked the way Slack checks: the right kind of token in the Authorization
/// header (a bot token for chat.*, auth.test, conversations.history and users.info, an app-level token for
/// apps.connections.open), JSON bodies with an explicit JSON content type, and the required arguments (read methods
/// also take them from the query string).</summary>
internal static class FakeSlackApi
{
    public static JsonObject Answer(string method, FakeSlackCall call, FakeSlack fake)
    {
        var token = call.Authorization is { } a && a.StartsWith("Bearer ", StringComparison.Ordinal) ? a["Bearer ".Length..] : null;
        if (token is null)
        {
            return Error("not_authed");
        }

        if (method == "apps.connections.open")
        {
            return token.StartsWith("xapp-", StringComparison.Ordinal)
                ? new JsonObject { ["ok"] = true, ["url"] = fake.SocketUrl() }
                : Error("not_allowed_token_type");
        }

        if (!token.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            return Error("not_allowed_token_type");
        }

        if (call.Body.Length > 0 && call.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            return Error("invalid_arguments");
        }

        var body = call.Body.Length > 0 ? call.Json : default;
        string? Arg(string name) => body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        bool HasContent() => Arg("text") is { Length: > 0 } || (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("blocks", out _));
        return method switch
        {
            "auth.test" => new JsonObject { ["ok"] = true, ["user_id"] = FakeSlack.BotUserId, ["bot_id"] = FakeSlack.BotId, ["team_id"] = "T1", ["user"] = "interviewbot" },
            "chat.postMessage" when Arg("channel") is null => Error("channel_not_found"),
            "chat.postMessage" when !HasContent() => Error("no_text"),
            "chat.postMessage" => new JsonObject { ["ok"] = true, ["channel"] = Arg("channel"), ["ts"] = fake.Workspace.Posted(Arg("channel")!, call) },
            "conversations.history" => fake.Workspace.History(call),
            "users.info" => fake.Workspace.UserInfo(call),
            "chat.postEphemeral" when Arg("channel") is null || Arg("user") is null => Error("channel_not_found"),
            "chat.postEphemeral" => new JsonObject { ["ok"] = true, ["message_ts"] = fake.NextTs() },
            "chat.update" when Arg("channel") is null || Arg("ts") is null => Error("message_not_found"),
            "chat.update" => new JsonObject { ["ok"] = true, ["channel"] = Arg("channel"), ["ts"] = Arg("ts") },
            _ => Error("unknown_method"),
        };
    }

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };
}
