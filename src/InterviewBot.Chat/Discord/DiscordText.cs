using System.Text;

namespace InterviewBot.Chat.Discord;

/// <summary>Text made safe for Discord: markdown characters escaped so a transcript's "*" or "_" stays literal, and
/// @everyone/@here broken with a zero-width space (allowed_mentions already stops the ping; this stops the highlight).
/// Lengths are cut with "…", never rejected.</summary>
internal static class DiscordText
{
    private const string Markdown = "\\*_~`|<>[]()#:";

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        var lineStart = true;
        foreach (var c in text)
        {
            if (Markdown.Contains(c, StringComparison.Ordinal) || (lineStart && c is '-' or '+' or '>'))
            {
                sb.Append('\\');
            }

            sb.Append(c);
            lineStart = c == '\n' || (lineStart && c == ' ');
        }

        return sb.Replace("@everyone", "@\u200Beveryone").Replace("@here", "@\u200Bhere").ToString();
    }

    /// <summary>Reverses <see cref="Escape"/>.</summary>
    public static string Unescape(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && !char.IsLetterOrDigit(text[i + 1]) && !char.IsWhiteSpace(text[i + 1]))
            {
                i++;
            }

            sb.Append(text[i]);
        }

        return sb.Replace("@\u200B", "@").ToString();
    }

    /// <summary>At most <paramref name="max"/> characters, ending in "…" when cut (never inside an escape or a
    /// surrogate pair).</summary>
    public static string Fit(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        while (cut > 0 && (char.IsHighSurrogate(text[cut - 1]) || text[cut - 1] == '\\'))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), "…");
    }
}
