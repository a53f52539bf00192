using System.Text;
using System.Text.RegularExpressions;

namespace InterviewBot.Chat.Slack;

/// <summary>Text made safe for Slack's mrkdwn: only <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> are escaped (which
/// turns any quoted <c>&lt;!channel&gt;</c> or <c>&lt;@U…&gt;</c> into plain text), and a word joiner breaks plain
/// <c>@channel</c>, <c>@here</c> and <c>@everyone</c>. Lengths are cut with "…", never rejected.</summary>
internal static partial class SlackText
{
    private const string WordJoiner = "\u2060";
    private static readonly string[] Broadcasts = ["@channel", "@here", "@everyone"];

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16).Append(text)
            .Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
        foreach (var b in Broadcasts)
        {
            sb.Replace(b, "@" + WordJoiner + b[1..]);
        }

        return sb.ToString();
    }

    /// <summary>Reverses <see cref="Escape"/>; also reads the text Slack sends (which escapes the same three).</summary>
    public static string Unescape(string text) =>
        text.Replace("@" + WordJoiner, "@", StringComparison.Ordinal).Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    /// <summary><c>&lt;url|label&gt;</c> with the label escaped and the URL unable to end the link early.</summary>
    public static string Link(string url, string label) =>
        $"<{url.Replace("&", "&amp;", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal).Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal)}|{Escape(label)}>";

    /// <summary>Escaped text as a mrkdwn block quote, every line prefixed with "&gt; ".</summary>
    public static string BlockQuote(string escaped) => "> " + escaped.Replace("\n", "\n> ", StringComparison.Ordinal);

    /// <summary>The safety net for finished mrkdwn: any "&lt;" that does not open one of our own http(s) links is
    /// escaped, so no mention, broadcast or channel token can survive whatever built the text.</summary>
    public static string Defuse(string mrkdwn) => NotALink().Replace(mrkdwn, "&lt;");

    /// <summary>At most <paramref name="max"/> characters, ending in "…" when cut; never inside an entity
    /// (<c>&amp;amp;</c>), a link (<c>&lt;url|label&gt;</c>) or a surrogate pair.</summary>
    public static string Fit(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = Math.Max(0, max - 1);
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        var amp = text.LastIndexOf('&', Math.Max(0, cut - 1));
        if (amp >= 0 && cut - amp < 5 && text.IndexOf(';', amp, cut - amp) < 0)
        {
            cut = amp;
        }

        var open = text.LastIndexOf('<', Math.Max(0, cut - 1));
        if (open >= 0 && text.IndexOf('>', open, cut - open) < 0)
        {
            cut = open;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), "…");
    }

    [GeneratedRegex("<(?!https?://)", RegexOptions.CultureInvariant)]
    private static partial Regex NotALink();
}
