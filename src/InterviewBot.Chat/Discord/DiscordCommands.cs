using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewBot.Chat.Commands;
using InterviewBot.Retrieval;

namespace InterviewBot.Chat.Discord;

/// <summary>The slash commands: their definitions for registration, and how an invocation becomes a request.</summary>
internal static class DiscordCommands
{
    private const int ChatInput = 1, StringOption = 3;

    /// <summary>Definitions for a bulk overwrite (PUT replaces every command in the scope, so registering twice
    /// changes nothing).</summary>
    public static JsonArray Definitions() =>
    [
        Command("ask", "Ask about the interviews; get verbatim quotes and who said them",
            Option("question", "Your question", required: true, maxLength: Retriever.MaxQuestionLength),
            Option("speaker", "Only quotes by this person", autocomplete: true)),
        Command("quote", "Look up a quote by speaker, interview or text",
            Option("speaker", "Only quotes by this person", autocomplete: true),
            Option("interview", "Only quotes from this interview", autocomplete: true),
            Option("search", "Words to search for", maxLength: Retriever.MaxQuestionLength)),
        Command("qotd", "Today's quote of the day"),
    ];

    public static ChatRequest ToRequest(JsonElement data)
    {
        var name = DiscordJson.Str(data, "name");
        var options = Options(data);
        return name switch
        {
            "ask" => new AskRequest(options.GetValueOrDefault("question") ?? "", Blank(options.GetValueOrDefault("speaker"))),
            "quote" => new QuoteRequest(Blank(options.GetValueOrDefault("speaker")), Blank(options.GetValueOrDefault("interview")), Blank(options.GetValueOrDefault("search"))),
            "qotd" => new QotdRequest(),
            _ => new HelpRequest($"I don't know the command “{name}”. Try /ask, /quote or /qotd."),
        };
    }

    /// <summary>The option being typed in an autocomplete interaction, and what has been typed so far.</summary>
    public static (string Name, string Typed)? Focused(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("options", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var o in list.EnumerateArray())
        {
            if (o.TryGetProperty("focused", out var f) && f.ValueKind == JsonValueKind.True)
            {
                return (DiscordJson.Str(o, "name") ?? "", o.TryGetProperty("value", out var v) ? v.ToString() : "");
            }
        }

        return null;
    }

    private static Dictionary<string, string?> Options(JsonElement data)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("options", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var o in list.EnumerateArray())
            {
                if (DiscordJson.Str(o, "name") is { } n && o.TryGetProperty("value", out var v))
                {
                    result[n] = v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString();
                }
            }
        }

        return result;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static JsonObject Command(string name, string description, params JsonObject[] options)
    {
        var command = new JsonObject { ["name"] = name, ["type"] = ChatInput, ["description"] = description };
        if (options.Length > 0)
        {
            command["options"] = new JsonArray(options.Select(o => (JsonNode)o).ToArray());
        }

        return command;
    }

    private static JsonObject Option(string name, string description, bool required = false, bool autocomplete = false, int? maxLength = null)
    {
        var option = new JsonObject { ["type"] = StringOption, ["name"] = name, ["description"] = description, ["required"] = required };
        if (autocomplete)
        {
            option["autocomplete"] = true;
        }

        if (maxLength is { } max)
        {
            option["max_length"] = max;
        }

        return option;
    }
}
