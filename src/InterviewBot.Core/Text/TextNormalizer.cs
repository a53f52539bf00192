using System.Text;

namespace InterviewBot.Core.Text;

/// <summary>Whitespace normalisation shared by every parser: the only change a quote may make to its source.</summary>
public static class TextNormalizer
{
    /// <summary>Collapses runs of whitespace (including no-break spaces and tabs) to one space and trims.</summary>
    public static string CollapseWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0' || c == '\u200B' || c == '\uFEFF')
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

        return sb.ToString();
    }

    /// <summary>Splits text into lines, normalising CRLF/CR line ends and removing a byte-order mark.</summary>
    public static string[] Lines(string text) =>
        text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');

    /// <summary>Counts words (whitespace-separated tokens).</summary>
    public static int WordCount(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
