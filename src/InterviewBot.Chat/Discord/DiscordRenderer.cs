using System.Text.Json.Nodes;
using InterviewBot.Chat.Commands;
using InterviewBot.Chat.Library;
using InterviewBot.Core.Model;
using InterviewBot.Retrieval.Quotes;

namespace InterviewBot.Chat.Discord;

/// <summary>Renders a <see cref="ChatReply"/> as a Discord message: one embed per quote, buttons for more quotes and
/// context. Every message goes out through <see cref="Finish"/>, which suppresses all mentions and applies Discord's
/// length limits.</summary>
internal static class DiscordRenderer
{
    public const int EphemeralFlag = 64;
    public const string HeadingPrefix = "**Q:** ";

    public static JsonObject Render(ChatReply reply)
    {
        var message = new JsonObject();
        if (reply.Notice is { } notice)
        {
            message["content"] = DiscordText.Escape(notice);
        }
        else if (reply.Context is { } context)
        {
            message["embeds"] = new JsonArray(ContextEmbed(context));
        }
        else
        {
            if (reply.Heading is { } heading)
            {
                message["content"] = reply.Asked is not null ? HeadingPrefix + DiscordText.Escape(heading) : $"**{DiscordText.Escape(heading)}**";
            }

            message["embeds"] = new JsonArray(reply.Quotes.Select(q => (JsonNode)QuoteEmbed(q)).ToArray());
            if (Buttons(reply) is { Count: > 0 } buttons)
            {
                message["components"] = new JsonArray(new JsonObject { ["type"] = 1, ["components"] = buttons });
            }
        }

        if (reply.Ephemeral)
        {
            message["flags"] = EphemeralFlag;
        }

        return Finish(message);
    }

    /// <summary>The one exit for outgoing messages: no one can be pinged, and every length is within limits.</summary>
    public static JsonObject Finish(JsonObject message)
    {
        message["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() };
        DiscordLimits.Apply(message);
        return message;
    }

    /// <summary>The question a message answers, read back from its heading (for the "More quotes" button).</summary>
    public static string? QuestionOf(string? content) =>
        content is not null && content.StartsWith(HeadingPrefix, StringComparison.Ordinal)
            ? DiscordText.Unescape(content[HeadingPrefix.Length..]).TrimEnd('…')
            : null;

    private static JsonObject QuoteEmbed(Quote q)
    {
        var embed = new JsonObject
        {
            ["author"] = new JsonObject { ["name"] = q.Role == SpeakerRole.Interviewee ? q.Speaker : $"{q.Speaker} ({q.Role.ToString().ToLowerInvariant()})" },
            ["title"] = DiscordText.Escape(q.Interview.Title),
            ["description"] = $"“{DiscordText.Escape(q.Text)}”",
            ["footer"] = new JsonObject { ["text"] = Attribution.Footer(q) },
        };
        if (Attribution.Link(q) is { } url)
        {
            embed["url"] = url;
        }

        return embed;
    }

    private static JsonObject ContextEmbed(QuoteContext c)
    {
        var question = c.Question is { } q ? $"**{DiscordText.Escape(c.Quote.Interview.Title)}**\n> {DiscordText.Escape(q)}\n\n" : "";
        var answer = string.Join(' ', new[] { DiscordText.Escape(c.Before), $"**{DiscordText.Escape(c.Quote.Text)}**", DiscordText.Escape(c.After) }.Where(s => s.Length > 0));
        return new JsonObject
        {
            ["author"] = new JsonObject { ["name"] = c.Quote.Speaker },
            ["title"] = "Context",
            ["description"] = question + answer,
            ["footer"] = new JsonObject { ["text"] = Attribution.Footer(c.Quote) },
        };
    }

    private static JsonArray Buttons(ChatReply reply)
    {
        var buttons = new JsonArray();
        if (reply.More is { } more)
        {
            buttons.Add(Button(1, "More quotes", DiscordCustomId.More(more)));
        }

        for (var i = 0; i < reply.Quotes.Count && buttons.Count < 5; i++)
        {
            buttons.Add(Button(2, reply.Quotes.Count == 1 ? "Context" : $"Context {i + 1}", DiscordCustomId.Context(ContextRequest.For(reply.Quotes[i]))));
        }

        return buttons;
    }

    private static JsonObject Button(int style, string label, string customId) =>
        new() { ["type"] = 2, ["style"] = style, ["label"] = label, ["custom_id"] = customId };
}
