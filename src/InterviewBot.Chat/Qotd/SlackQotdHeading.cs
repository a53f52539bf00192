using System.Text.Json;
using InterviewBot.Chat.Commands;
using InterviewBot.Chat.Slack;

namespace InterviewBot.Chat.Qotd;

/// <summary>Recognises a quote-of-the-day message in Slack's history by its heading: the first block's mrkdwn text
/// (or the first line of the fallback text) is what <see cref="SlackRenderer"/> makes of the heading,
/// <c>*Quote of the day, 23 November 2026*</c>, compared exactly or after unescaping.</summary>
internal static class SlackQotdHeading
{
    /// <summary>The heading's mrkdwn as the renderer writes it into the first block.</summary>
    public static string Rendered(string heading) =>
        SlackRenderer.Render(new ChatReply { Heading = heading })["blocks"]?[0]?["text"]?["text"]?.GetValue<string>() ?? heading;

    public static bool Matches(JsonElement message, string heading, string rendered)
    {
        var block = SlackJson.First(message, "blocks") is { } first && SlackJson.Get(first, "text") is { } text ? SlackJson.Str(text, "text") : null;
        var firstLine = SlackJson.Str(message, "text")?.Split('\n', 2)[0];
        return Is(block) || Is(firstLine);

        bool Is(string? candidate) =>
            candidate is not null
            && (candidate == rendered
                || (candidate.Length >= 2 && candidate[0] == '*' && candidate[^1] == '*' && SlackText.Unescape(candidate[1..^1]) == heading));
    }
}
