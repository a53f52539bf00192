using System.Text.Json;

namespace InterviewBot.Chat.Discord;

/// <summary>Tolerant reads from Discord's JSON: a missing or mistyped field is null, never an exception.</summary>
internal static class DiscordJson
{
    public static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
