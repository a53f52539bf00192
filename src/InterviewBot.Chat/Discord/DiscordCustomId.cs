using System.Globalization;
using InterviewBot.Chat.Commands;

namespace InterviewBot.Chat.Discord;

/// <summary>Button state in a custom_id (1–100 characters): <c>more:{skip}:{speaker}</c> (the question itself is
/// read back from the message's heading) and <c>ctx:{interview key}:{turn}:{first sentence}:{count}:{check}</c> (the
/// check recognises the quote's words after a corpus reload; buttons made without it still work).</summary>
internal static class DiscordCustomId
{
    public const int MaxLength = 100;

    public static string More(AskRequest next)
    {
        var id = $"more:{next.Skip.ToString(CultureInfo.InvariantCulture)}:{next.Speaker}";
        return id.Length <= MaxLength ? id : id[..MaxLength];
    }

    public static string Context(ContextRequest c) => string.Create(CultureInfo.InvariantCulture,
        $"ctx:{c.InterviewKey}:{c.Turn}:{c.FirstSentence}:{c.SentenceCount}:{c.Check}");

    /// <summary>The request a button click stands for, or null when the custom_id is not one of ours.</summary>
    public static ChatRequest? Parse(string customId, string? messageContent)
    {
        var parts = customId.Split(':');
        if (parts is ["more", var skip, ..] && int.TryParse(skip, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            && DiscordRenderer.QuestionOf(messageContent) is { } question)
        {
            var speaker = string.Join(':', parts[2..]);
            return new AskRequest(question, speaker.Length > 0 ? speaker : null, s);
        }

        if (parts is ["ctx", var key, var turn, var first, var count, ..] && parts.Length <= 6
            && int.TryParse(turn, NumberStyles.None, CultureInfo.InvariantCulture, out var t)
            && int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var f)
            && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var c))
        {
            return new ContextRequest(key, t, f, c, parts.Length == 6 ? parts[5] : null);
        }

        return null;
    }
}
