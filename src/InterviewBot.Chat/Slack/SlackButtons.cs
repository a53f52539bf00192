using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewBot.Chat.Commands;

namespace InterviewBot.Chat.Slack;

/// <summary>Button state, carried whole in the button's <c>value</c> (≤2000 characters) as compact JSON, so a click
/// needs no server-side memory: "More quotes" holds the next <see cref="AskRequest"/> (<c>{"q","s","k"}</c>, the
/// question cut if it would not fit) and "Context" the <see cref="ContextRequest"/> (<c>{"i","t","f","n"}</c>).
/// The action_id says which: <c>more</c> or <c>context_N</c>.</summary>
internal static class SlackButtons
{
    public const string MoreAction = "more";
    public const string ContextAction = "context";
    private const int MaxSpeaker = 200;

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string More(AskRequest next)
    {
        var speaker = next.Speaker is { Length: > MaxSpeaker } s ? s[..MaxSpeaker] : next.Speaker;
        string Value(int keep) =>
            new JsonObject { ["q"] = next.Question[..keep], ["s"] = speaker, ["k"] = next.Skip }.ToJsonString(Compact);

        var json = Value(next.Question.Length);
        if (json.Length <= SlackLimits.ButtonValue)
        {
            return json;
        }

        // Escapes make the JSON longer than the text: find the longest prefix of the question that fits.
        var (fits, tooLong) = (0, next.Question.Length);
        while (tooLong - fits > 1)
        {
            var mid = (fits + tooLong) / 2;
            (fits, tooLong) = Value(mid).Length <= SlackLimits.ButtonValue ? (mid, tooLong) : (fits, mid);
        }

        if (fits > 0 && char.IsHighSurrogate(next.Question[fits - 1]))
        {
            fits--;
        }

        return Value(fits);
    }

    public static string Context(ContextRequest c) => new JsonObject
    {
        ["i"] = c.InterviewKey, ["t"] = c.Turn, ["f"] = c.FirstSentence, ["n"] = c.SentenceCount, ["c"] = c.Check,
    }.ToJsonString(Compact);

    /// <summary>The request a click stands for, or null when the action is not one of ours or its value is broken.</summary>
    public static ChatRequest? Parse(string? actionId, string? value)
    {
        if (actionId is null || value is null)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(value);
            var v = doc.RootElement;
            if (actionId == MoreAction && SlackJson.Str(v, "q") is { } question && SlackJson.Int(v, "k") is { } skip and >= 0)
            {
                return new AskRequest(question, SlackJson.Str(v, "s"), skip);
            }

            if (actionId.StartsWith(ContextAction, StringComparison.Ordinal) && SlackJson.Str(v, "i") is { } key
                && SlackJson.Int(v, "t") is { } turn && SlackJson.Int(v, "f") is { } first && SlackJson.Int(v, "n") is { } count)
            {
                return new ContextRequest(key, turn, first, count, SlackJson.Str(v, "c"));
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
