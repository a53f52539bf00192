using System.Text.Json.Nodes;

namespace InterviewBot.Chat.Discord;

/// <summary>Discord's message limits: content 2000; ≤10 embeds; title 256, description 4096, author 256, footer
/// 2048, and all of those together ≤6000 across the message; ≤5 buttons per row with labels ≤80. Over-long text is
/// cut with "…" so Discord never rejects a message.</summary>
internal static class DiscordLimits
{
    public const int Content = 2000;
    public const int Embeds = 10;
    public const int Title = 256;
    public const int Description = 4096;
    public const int AuthorName = 256;
    public const int Footer = 2048;
    public const int EmbedTotal = 6000;
    public const int ButtonLabel = 80;

    public static void Apply(JsonObject message)
    {
        FitString(message, "content", Content);
        if (message["embeds"] is JsonArray embeds)
        {
            while (embeds.Count > Embeds)
            {
                embeds.RemoveAt(embeds.Count - 1);
            }

            foreach (var embed in embeds.OfType<JsonObject>())
            {
                FitString(embed, "title", Title);
                FitString(embed, "description", Description);
                FitString(embed["author"] as JsonObject, "name", AuthorName);
                FitString(embed["footer"] as JsonObject, "text", Footer);
            }

            // Over the message total: shorten descriptions, last embed first.
            for (var i = embeds.Count - 1; i >= 0 && Total(embeds) > EmbedTotal; i--)
            {
                if (embeds[i] is JsonObject embed && embed["description"]?.GetValue<string>() is { } d)
                {
                    FitString(embed, "description", Math.Max(1, d.Length - (Total(embeds) - EmbedTotal)));
                }
            }
        }

        foreach (var button in (message["components"] as JsonArray ?? []).OfType<JsonObject>()
                     .SelectMany(row => (row["components"] as JsonArray ?? []).OfType<JsonObject>()))
        {
            FitString(button, "label", ButtonLabel);
        }
    }

    private static int Total(JsonArray embeds) => embeds.OfType<JsonObject>().Sum(e =>
        Length(e["title"]) + Length(e["description"]) + Length(e["author"]?["name"]) + Length(e["footer"]?["text"]));

    private static int Length(JsonNode? node) => node?.GetValue<string>().Length ?? 0;

    private static void FitString(JsonObject? owner, string name, int max)
    {
        if (owner?[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > max)
        {
            owner[name] = DiscordText.Fit(s, max);
        }
    }
}
