using System.Globalization;
using System.Text.Json.Nodes;
using InterviewBot.Chat.Commands;
using InterviewBot.Core.Model;
using InterviewBot.Retrieval.Quotes;

namespace InterviewBot.Chat.Slack;

/// <summary>Renders a <see cref="ChatReply"/> as a Slack message in Block Kit: a quoted section per quote with a
/// context line (speaker, linked title, outlet, date, caption timestamp), and buttons for more quotes and context.
/// Every message goes out through <see cref="Finish"/>, which makes every mrkdwn object verbatim, defuses any
/// mention token and applies Block Kit's limits.</summary>
internal static class SlackRenderer
{
    public const string HeadingPrefix = "*Q:* ";
    private const int MaxTitle = 300;

    public static JsonObject Render(ChatReply reply)
    {
        if (reply.Notice is { } notice)
        {
            return Finish(Message(SlackText.Escape(notice), [Section(SlackText.Escape(notice))]));
        }

        if (reply.Context is { } context)
        {
            return Finish(Message($"Context: {SlackText.Escape(context.Quote.Text)}", ContextBlocks(context)));
        }

        var blocks = new List<JsonObject>();
        var fallback = new List<string>();
        if (reply.Heading is { } heading)
        {
            var text = reply.Asked is not null ? HeadingPrefix + SlackText.Escape(heading) : $"*{SlackText.Escape(heading)}*";
            blocks.Add(Section(text));
            fallback.Add(text);
        }

        foreach (var q in reply.Quotes)
        {
            blocks.Add(Section(SlackText.BlockQuote(SlackText.Escape(q.Text))));
            blocks.Add(Context(Credit(q)));
            fallback.Add($"“{SlackText.Escape(q.Text)}” — {SlackText.Escape(q.Speaker)}");
        }

        if (Buttons(reply) is { Count: > 0 } buttons)
        {
            blocks.Add(new JsonObject { ["type"] = "actions", ["elements"] = buttons });
        }

        return Finish(Message(string.Join('\n', fallback), blocks));
    }

    /// <summary>The one exit for outgoing messages: mrkdwn is verbatim, nothing can ping, every length fits.</summary>
    public static JsonObject Finish(JsonObject message)
    {
        if (message["text"] is JsonValue t && t.TryGetValue<string>(out var fallback))
        {
            message["text"] = SlackText.Defuse(fallback.Length > 0 ? fallback : " ");
        }

        foreach (var text in Descendants(message).Where(o => o["type"] is JsonValue v && v.TryGetValue<string>(out var type) && type == "mrkdwn").ToList())
        {
            text["text"] = SlackText.Defuse(text["text"]?.GetValue<string>() is { Length: > 0 } s ? s : " ");
            text["verbatim"] = true;
        }

        SlackLimits.Apply(message);
        return message;
    }

    /// <summary>"*Joe Russo* · &lt;url|Title&gt; · Polygon · April 2020 · at 1:23", all escaped.</summary>
    public static string Credit(Quote q)
    {
        var speaker = q.Role == SpeakerRole.Interviewee ? q.Speaker : $"{q.Speaker} ({q.Role.ToString().ToLowerInvariant()})";
        var title = SlackText.Fit(q.Interview.Title, MaxTitle);
        var parts = new List<string>
        {
            $"*{SlackText.Escape(speaker)}*",
            Attribution.Link(q) is { } url ? SlackText.Link(url, title) : SlackText.Escape(title),
        };
        parts.AddRange(new[] { q.Interview.Outlet, Attribution.FormatDate(q.Interview.Date) }.OfType<string>().Select(SlackText.Escape));
        if (Attribution.Timestamp(q.Timestamp) is { } at)
        {
            parts.Add($"at {at}");
        }

        return string.Join(" · ", parts);
    }

    private static List<JsonObject> ContextBlocks(QuoteContext c)
    {
        var blocks = new List<JsonObject> { Section("*Context*") };
        if (c.Question is { } question)
        {
            blocks.Add(Section(SlackText.BlockQuote("_" + SlackText.Escape(question) + "_")));
        }

        var answer = string.Join(' ', new[] { SlackText.Escape(c.Before), $"*{SlackText.Escape(c.Quote.Text)}*", SlackText.Escape(c.After) }.Where(s => s.Length > 0));
        blocks.Add(Section(answer));
        blocks.Add(Context(Credit(c.Quote)));
        return blocks;
    }

    private static JsonArray Buttons(ChatReply reply)
    {
        var buttons = new JsonArray();
        if (reply.More is { } more)
        {
            buttons.Add(Button("More quotes", SlackButtons.MoreAction, SlackButtons.More(more), primary: true));
        }

        for (var i = 0; i < reply.Quotes.Count; i++)
        {
            var label = reply.Quotes.Count == 1 ? "Context" : string.Create(CultureInfo.InvariantCulture, $"Context {i + 1}");
            buttons.Add(Button(label, string.Create(CultureInfo.InvariantCulture, $"{SlackButtons.ContextAction}_{i + 1}"), SlackButtons.Context(ContextRequest.For(reply.Quotes[i]))));
        }

        return buttons;
    }

    private static JsonObject Message(string fallback, IEnumerable<JsonObject> blocks) =>
        new() { ["text"] = fallback, ["blocks"] = new JsonArray(blocks.Select(b => (JsonNode)b).ToArray()) };

    private static JsonObject Section(string mrkdwn) => new() { ["type"] = "section", ["text"] = Mrkdwn(mrkdwn) };

    private static JsonObject Context(string mrkdwn) => new() { ["type"] = "context", ["elements"] = new JsonArray(Mrkdwn(mrkdwn)) };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text, ["verbatim"] = true };

    private static JsonObject Button(string label, string actionId, string value, bool primary = false)
    {
        var button = new JsonObject
        {
            ["type"] = "button", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = label }, ["action_id"] = actionId, ["value"] = value,
        };
        if (primary)
        {
            button["style"] = "primary";
        }

        return button;
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).SelectMany(Descendants).Prepend(o),
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };
}
