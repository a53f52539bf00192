using System.Text.Json;

namespace InterviewBot.Chat.Slack;

/// <summary>Tolerant reads from Slack's JSON: a missing or mistyped field is null, never an exception.</summary>
internal static class SlackJson
{
    public static string? Str(JsonElement e, string name) =>
        Get(e, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    public static int? Int(JsonElement e, string name) =>
        Get(e, name) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt32(out var n) ? n : null;

    public static bool IsTrue(JsonElement e, string name) => Get(e, name) is { ValueKind: JsonValueKind.True };

    public static JsonElement? Get(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : null;

    /// <summary>The first element of an array property, if any.</summary>
    public static JsonElement? First(JsonElement e, string name) =>
        Get(e, name) is { ValueKind: JsonValueKind.Array } a && a.GetArrayLength() > 0 ? a[0] : null;
}
