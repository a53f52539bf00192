using System.Text.Json.Nodes;

namespace InterviewBot.Chat.Slack;

/// <summary>Block Kit's limits: ≤50 blocks; text objects 1–3000 characters; ≤10 context elements; ≤25 actions
/// elements; button text ≤75, action_id ≤255, value ≤2000. Over-long text is cut with "…" so Slack never rejects a
/// message; a button whose state does not fit is dropped rather than sent broken.</summary>
internal static class SlackLimits
{
    public const int Blocks = 50;
    public const int Text = 3000;
    public const int ContextElements = 10;
    public const int ActionElements = 25;
    public const int ButtonText = 75;
    public const int ActionId = 255;
    public const int ButtonValue = 2000;

    /// <summary>The top-level <c>text</c> (notification and fallback); Slack truncates at 40,000 but a fallback
    /// need not be longer than a block.</summary>
    public const int FallbackText = 3000;

    public static void Apply(JsonObject message)
    {
        FitString(message, "text", FallbackText);
        if (message["blocks"] is not JsonArray blocks)
        {
            return;
        }

        while (blocks.Count > Blocks)
        {
            // Keep a trailing actions block: the buttons matter more than the last quote.
            var last = blocks[^1]?["type"]?.GetValue<string>() == "actions" ? blocks.Count - 2 : blocks.Count - 1;
            blocks.RemoveAt(last);
        }

        foreach (var block in blocks.OfType<JsonObject>())
        {
            FitString(block["text"] as JsonObject, "text", Text);
            if (block["elements"] is JsonArray elements)
            {
                var isContext = block["type"]?.GetValue<string>() == "context";
                Trim(elements, isContext ? ContextElements : ActionElements);
                foreach (var element in elements.OfType<JsonObject>().ToList())
                {
                    FitString(isContext ? element : element["text"] as JsonObject, "text", isContext ? Text : ButtonText);
                    if (Length(element["value"]) > ButtonValue || Length(element["action_id"]) > ActionId)
                    {
                        elements.Remove(element);
                    }
                }
            }
        }
    }

    private static void Trim(JsonArray array, int max)
    {
        while (array.Count > max)
        {
            array.RemoveAt(array.Count - 1);
        }
    }

    private static int Length(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s.Length : 0;

    private static void FitString(JsonObject? owner, string name, int max)
    {
        if (owner?[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > max)
        {
            owner[name] = SlackText.Fit(s, max);
        }
    }
}
