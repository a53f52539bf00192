using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewBot.Chat.Commands;
using InterviewBot.Chat.Operations;
using InterviewBot.Retrieval;

namespace InterviewBot.Chat.Discord;

/// <summary>The slash commands: their definitions for registration, and how an invocation becomes a request.</summary>
internal static class DiscordCommands
{
    private const int ChatInput = 1, SubCommand = 1, StringOption = 3;

    /// <summary>Permission bits that let a member change the channel's quote of the day.</summary>
    private const ulong Administrator = 1UL << 3, ManageGuild = 1UL << 5;

    /// <summary>Definitions for a bulk overwrite (PUT replaces every command in the scope, so registering twice
    /// changes nothing). Text options carry the input limits (<see cref="InputLimits"/>) as <c>max_length</c>, so
    /// Discord's client stops over-long input; the router checks them again for older registrations.</summary>
    public static JsonArray Definitions() =>
    [
        Command("ask", "Ask about the interviews; get verbatim quotes and who said them",
            Option("question", "Your question", required: true, maxLength: Retriever.MaxQuestionLength),
            Speaker()),
        Command("quote", "Look up a quote by speaker, interview or text",
            Speaker(),
            Interview(),
            Option("search", "Words to search for", maxLength: Retriever.MaxQuestionLength)),
        Command("qotd", "Quote of the day: today's, or a daily post in this channel",
            Sub("today", "Today's quote of the day"),
            Sub("subscribe", "Post a quote here every day (needs Manage Server)",
                Option("time", "Local time, HH:mm on a 24-hour clock (default 09:00)", maxLength: 5),
                Option("timezone", "IANA time zone such as Europe/London (default UTC)", maxLength: InputLimits.MaxTimeZone),
                Speaker(),
                Interview()),
            Sub("unsubscribe", "Stop the daily quote here (needs Manage Server)"),
            Sub("skip", "Skip the next daily quote here (needs Manage Server)"),
            Sub("status", "When the daily quote posts here, and how the last one went")),
    ];

    public static ChatRequest ToRequest(JsonElement data)
    {
        var name = DiscordJson.Str(data, "name");
        var options = Options(data);
        return name switch
        {
            "ask" => new AskRequest(options.GetValueOrDefault("question") ?? "", Blank(options.GetValueOrDefault("speaker"))),
            "quote" => new QuoteRequest(Blank(options.GetValueOrDefault("speaker")), Blank(options.GetValueOrDefault("interview")), Blank(options.GetValueOrDefault("search"))),
            "qotd" => Qotd(data, options),
            _ => new HelpRequest($"I don't know the command “{name}”. Try /ask, /quote or /qotd."),
        };
    }

    /// <summary>A <c>/qotd</c> request with where and by whom it was asked: the channel (none in DMs), and whether
    /// the member's permissions in the channel include Manage Server or Administrator.</summary>
    public static ChatRequest WithAsker(ChatRequest request, JsonElement interaction)
    {
        if (request is not QotdRequest qotd)
        {
            return request;
        }

        var member = interaction.TryGetProperty("member", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var user = member.ValueKind == JsonValueKind.Object && member.TryGetProperty("user", out var u) ? u
            : interaction.TryGetProperty("user", out var dmUser) ? dmUser : default;
        var inGuild = DiscordJson.Str(interaction, "guild_id") is not null;
        var channel = DiscordJson.Str(interaction, "channel_id");
        var permissions = member.ValueKind == JsonValueKind.Object && ulong.TryParse(DiscordJson.Str(member, "permissions"), out var bits) ? bits : 0;
        return qotd with
        {
            Channel = inGuild && channel is not null ? new Store.ChannelRef(Store.ChannelRef.Discord, channel) : null,
            UserId = user.ValueKind == JsonValueKind.Object ? DiscordJson.Str(user, "id") : null,
            CanManage = inGuild && (permissions & (Administrator | ManageGuild)) != 0,
        };
    }

    /// <summary>The option being typed in an autocomplete interaction, and what has been typed so far.</summary>
    public static (string Name, string Typed)? Focused(JsonElement data)
    {
        foreach (var o in OptionList(data))
        {
            if (o.TryGetProperty("focused", out var f) && f.ValueKind == JsonValueKind.True)
            {
                return (DiscordJson.Str(o, "name") ?? "", o.TryGetProperty("value", out var v) ? v.ToString() : "");
            }
        }

        return null;
    }

    private static QotdRequest Qotd(JsonElement data, Dictionary<string, string?> options) =>
        new(SubCommandOf(data) switch
        {
            null or "today" => QotdAction.Show,
            "subscribe" => QotdAction.Subscribe,
            "unsubscribe" => QotdAction.Unsubscribe,
            "skip" => QotdAction.Skip,
            "status" => QotdAction.Status,
            _ => QotdAction.Help,
        })
        {
            Time = Blank(options.GetValueOrDefault("time")),
            TimeZone = Blank(options.GetValueOrDefault("timezone")),
            Speaker = Blank(options.GetValueOrDefault("speaker")),
            Interview = Blank(options.GetValueOrDefault("interview")),
        };

    private static Dictionary<string, string?> Options(JsonElement data)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var o in OptionList(data))
        {
            if (DiscordJson.Str(o, "name") is { } n && o.TryGetProperty("value", out var v))
            {
                result[n] = v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString();
            }
        }

        return result;
    }

    /// <summary>The options given, looking inside a subcommand when one was used.</summary>
    private static IEnumerable<JsonElement> OptionList(JsonElement data) =>
        SubCommandIn(data) is { } sub ? OptionList(sub)
        : data.ValueKind == JsonValueKind.Object && data.TryGetProperty("options", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray()
        : [];

    private static string? SubCommandOf(JsonElement data) => SubCommandIn(data) is { } sub ? DiscordJson.Str(sub, "name") : null;

    /// <summary>A subcommand's invocation is the only entry of the command's options, with type 1.</summary>
    private static JsonElement? SubCommandIn(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("options", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var first = list.EnumerateArray().FirstOrDefault();
        return first.ValueKind == JsonValueKind.Object && first.TryGetProperty("type", out var t) && t.TryGetInt32(out var type) && type == SubCommand
            ? first
            : null;
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

    private static JsonObject Sub(string name, string description, params JsonObject[] options)
    {
        var sub = new JsonObject { ["type"] = SubCommand, ["name"] = name, ["description"] = description };
        if (options.Length > 0)
        {
            sub["options"] = new JsonArray(options.Select(o => (JsonNode)o).ToArray());
        }

        return sub;
    }

    private static JsonObject Speaker() => Option("speaker", "Only quotes by this person", autocomplete: true, maxLength: InputLimits.MaxSpeaker);

    private static JsonObject Interview() => Option("interview", "Only quotes from this interview", autocomplete: true, maxLength: InputLimits.MaxInterview);

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
