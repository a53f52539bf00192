using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace InterviewBot.Core.Parsing;

/// <summary>Renders inline Markdown to the plain text a reader sees (links become their text, emphasis markers and
/// escapes go), lifting inline timestamps such as <c>\[01:20\]</c> out of the text as time marks.</summary>
internal static partial class MarkdownInline
{
    private const char Sentinel = '\u0001';

    [GeneratedRegex(@"\\?\[(?<t>\d{1,2}:\d{2}(?::\d{2})?)\\?\]")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\((?<url>[^)\s]*)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"<(?<url>https?://[^>\s]+)>")]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"</?[A-Za-z][^>]*>|<!--.*?-->")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"(\*\*|__)")]
    private static partial Regex Strong();

    [GeneratedRegex(@"(?<![\p{L}\p{N}\\])[*_](?=\S)|(?<=[^\s\\])[*_](?![\p{L}\p{N}])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\\(?<c>[\\`*_{}\[\]()#+\-.!|<>""'])")]
    private static partial Regex Escape();

    /// <summary>Renders <paramref name="markdown"/>; whitespace is collapsed.</summary>
    public static Paragraph Render(string markdown)
    {
        var times = new List<TimeSpan>();
        var text = Timestamp().Replace(markdown, m =>
        {
            times.Add(ParseTime(m.Groups["t"].Value));
            return Sentinel.ToString();
        });
        text = Image().Replace(text, string.Empty);
        text = Link().Replace(text, m => m.Groups["text"].Value);
        text = AutoLink().Replace(text, m => m.Groups["url"].Value);
        text = HtmlTag().Replace(text, string.Empty);
        text = Strong().Replace(text, string.Empty);
        text = Emphasis().Replace(text, string.Empty);
        text = text.Replace("`", string.Empty, StringComparison.Ordinal);
        text = Escape().Replace(text, m => m.Groups["c"].Value);
        text = System.Net.WebUtility.HtmlDecode(text);
        return Collapse(text, times);
    }

    /// <summary>Collapses whitespace and turns sentinels into time marks at their final offsets.</summary>
    private static Paragraph Collapse(string text, List<TimeSpan> times)
    {
        var sb = new StringBuilder(text.Length);
        var marks = new List<TimeMark>();
        var pendingSpace = false;
        var next = 0;
        foreach (var c in text)
        {
            if (c == Sentinel)
            {
                marks.Add(new TimeMark(sb.Length + (pendingSpace ? 1 : 0), times[next++]));
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        var result = sb.ToString();
        var clamped = marks.Select(m => m with { Offset = Math.Min(m.Offset, result.Length) }).ToList();
        return new Paragraph(result, clamped.Count > 0 ? clamped : null);
    }

    internal static TimeSpan ParseTime(string value)
    {
        var parts = value.Split(':').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return parts.Length == 3
            ? new TimeSpan(parts[0], parts[1], parts[2])
            : new TimeSpan(0, parts[0], parts[1]);
    }
}
