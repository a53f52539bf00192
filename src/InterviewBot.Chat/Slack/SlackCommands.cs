using System.Text.RegularExpressions;
using InterviewBot.Chat.Commands;

namespace InterviewBot.Chat.Slack;

/// <summary>How a slash command, a mention or a DM becomes a <see cref="ChatRequest"/>. Text may carry filters before
/// or among the words: <c>speaker:"Joe Russo"</c>, <c>speaker:Russo</c>, <c>interview:heat</c> (straight or curly
/// quotes). Slack's markup in the text (mentions, links, entities) is read back to plain text first.</summary>
internal static partial class SlackCommands
{
    public const string QuoteHelp =
        "Usage: `/quote` gives a random quote; `/quote speaker:\"Joe Russo\"` (or `speaker:Russo`) one by a speaker; "
        + "`/quote interview:heat` one from an interview (id or title); `/quote some words` the best match for the words. "
        + "Combine them: `/quote speaker:Russo the bank heist`.";

    public static ChatRequest ToRequest(string? command, string? text)
    {
        var plain = Plain(text);
        return command?.Trim().ToLowerInvariant() switch
        {
            "/ask" => Ask(plain),
            "/quote" => plain.Equals("help", StringComparison.OrdinalIgnoreCase) ? new HelpRequest(QuoteHelp) : Quote(plain),
            "/qotd" => Qotd(plain),
            _ => new HelpRequest($"I don't know the command “{command}”. Try /ask, /quote or /qotd."),
        };
    }

    /// <summary>A mention or DM is a question; the bot's own mention is dropped.</summary>
    public static ChatRequest FromMessage(string? text) => Ask(Plain(text));

    /// <summary>Slack's markup as plain text: user/broadcast mentions dropped, <c>&lt;url|label&gt;</c> → label,
    /// <c>&lt;#C1|general&gt;</c> → #general, entities unescaped, whitespace collapsed.</summary>
    public static string Plain(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var plain = Markup().Replace(text, m => m.Groups["kind"].Value switch
        {
            "@" or "!" => " ",
            "#" => m.Groups["label"].Success ? "#" + m.Groups["label"].Value : " ",
            _ => m.Groups["label"].Success ? m.Groups["label"].Value : m.Groups["target"].Value,
        });
        return string.Join(' ', SlackText.Unescape(plain).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static AskRequest Ask(string text)
    {
        var (speaker, _, rest) = Filters(text);
        return new AskRequest(rest, speaker);
    }

    private static QuoteRequest Quote(string text)
    {
        var (speaker, interview, rest) = Filters(text);
        return new QuoteRequest(speaker, interview, rest.Length > 0 ? rest : null);
    }

    /// <summary><c>/qotd [today|subscribe|unsubscribe|skip|status|help]</c>; subscribe takes a time (HH:mm), an IANA
    /// time zone and filters in any order: <c>/qotd subscribe 08:30 Europe/London speaker:Russo</c> (or
    /// <c>time:08:30 timezone:Europe/London</c>).</summary>
    private static ChatRequest Qotd(string text)
    {
        var verb = text.Split(' ', 2)[0].ToLowerInvariant();
        var action = verb switch
        {
            "" or "today" => QotdAction.Show,
            "subscribe" => QotdAction.Subscribe,
            "unsubscribe" or "stop" => QotdAction.Unsubscribe,
            "skip" => QotdAction.Skip,
            "status" => QotdAction.Status,
            _ => QotdAction.Help,
        };
        if (action != QotdAction.Subscribe)
        {
            return new QotdRequest(action);
        }

        var (speaker, interview, rest) = Filters(text[verb.Length..]);
        string? time = null, zone = null;
        foreach (var word in rest.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = word.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 && !char.IsDigit(word[0])
                ? (word[..colon].ToLowerInvariant(), word[(colon + 1)..])
                : ("", word);
            if (key == "time" || (key.Length == 0 && char.IsDigit(value[0])))
            {
                time = value;
            }
            else if (key is "timezone" or "tz" or "")
            {
                zone = value;
            }
            else
            {
                var shown = word.Length > 40 ? word[..40] + "…" : word; // the text is the user's: do not echo all of it
                return new HelpRequest($"I don't understand “{shown}”. " + InterviewBot.Chat.Qotd.QotdDesk.Usage);
            }
        }

        return new QotdRequest(action) { Time = time, TimeZone = zone, Speaker = speaker, Interview = interview };
    }

    private static (string? Speaker, string? Interview, string Words) Filters(string text)
    {
        string? speaker = null, interview = null;
        var rest = Filter().Replace(text, m =>
        {
            var value = new[] { "straight", "curly", "bare" }.Select(g => m.Groups[g]).First(g => g.Success).Value.Trim();
            if (m.Groups["key"].Value.Equals("speaker", StringComparison.OrdinalIgnoreCase))
            {
                speaker = value.Length > 0 ? value : null;
            }
            else
            {
                interview = value.Length > 0 ? value : null;
            }

            return " ";
        });
        return (speaker, interview, string.Join(' ', rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
    }

    [GeneratedRegex("""<(?<kind>[@!#]?)(?<target>[^|>]*)(?:\|(?<label>[^>]*))?>""", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    [GeneratedRegex("""(?<=^|\s)(?<key>speaker|interview):\s*(?:"(?<straight>[^"]*)"|[“”](?<curly>[^“”]*)[“”]|(?<bare>\S+))""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Filter();
}
