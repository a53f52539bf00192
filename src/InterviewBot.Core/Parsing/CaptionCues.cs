using System.Globalization;
using System.Net;
using System.Text;
using InterviewBot.Core.Text;

namespace InterviewBot.Core.Parsing;

/// <summary>One stretch of cue text in a single voice (a cue line, or part of one after a <c>&lt;v&gt;</c> tag):
/// markup stripped, entities decoded, whitespace collapsed. <see cref="Voice"/> is the <c>&lt;v Name&gt;</c> in force.</summary>
internal sealed record CuePiece(string? Voice, string Text);

/// <summary>A caption cue: its start time and its text pieces, in order.</summary>
internal sealed record Cue(TimeSpan Start, IReadOnlyList<CuePiece> Pieces);

/// <summary>Reads the cue blocks of a WebVTT or SRT file and cleans their text.</summary>
internal static class CaptionCues
{
    private const string Arrow = "-->";

    /// <summary>Reads all cues; <paramref name="title"/> is any text after the WEBVTT signature.</summary>
    public static List<Cue> Read(string text, out string? title)
    {
        var lines = TextNormalizer.Lines(text);
        var isVtt = IsKeyword(lines[0], "WEBVTT");
        title = isVtt ? lines[0][6..].Trim().TrimStart('-', ' ', '\t') : null;
        title = string.IsNullOrEmpty(title) ? null : title;

        var cues = new List<Cue>();
        var i = 0;
        while (i < lines.Length)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < lines.Length && !string.IsNullOrWhiteSpace(lines[end]))
            {
                end++;
            }

            var header = isVtt && i == 0;
            var skip = isVtt && (IsKeyword(lines[i], "NOTE") || IsKeyword(lines[i], "STYLE") || IsKeyword(lines[i], "REGION"));
            if (!header && !skip)
            {
                // The timing line comes first, or second after a cue identifier (VTT) or an index number (SRT).
                var timing = lines[i].Contains(Arrow, StringComparison.Ordinal) ? i
                    : i + 1 < end && lines[i + 1].Contains(Arrow, StringComparison.Ordinal) ? i + 1
                    : throw Error(i + 1 < end && IsIndex(lines[i]) ? i + 1 : i, lines, "expected a cue timing line like '00:00:01.000 --> 00:00:04.000'");
                cues.Add(new Cue(ParseTiming(lines, timing), Clean(lines, timing + 1, end)));
            }

            i = end;
        }

        return cues.Count > 0 ? cues : throw new TranscriptFormatException("The file has no caption cues (no 'start --> end' timing lines).");
    }

    private static bool IsIndex(string line) => line.Trim().AsSpan().IndexOfAnyExceptInRange('0', '9') < 0;

    private static bool IsKeyword(string line, string keyword) =>
        line.StartsWith(keyword, StringComparison.Ordinal) && (line.Length == keyword.Length || line[keyword.Length] is ' ' or '\t');

    /// <summary>Parses "start --> end [cue settings]" and returns the start time.</summary>
    private static TimeSpan ParseTiming(string[] lines, int index)
    {
        var line = lines[index];
        var arrow = line.IndexOf(Arrow, StringComparison.Ordinal);
        var right = line.AsSpan(arrow + Arrow.Length).TrimStart();
        var space = right.IndexOfAny(' ', '\t');
        if (!TryParseTime(line.AsSpan(0, arrow).Trim(), out var start) || !TryParseTime(space < 0 ? right : right[..space], out var end))
        {
            throw Error(index, lines, "malformed cue timing line (expected hh:mm:ss.mmm or mm:ss.mmm, or hh:mm:ss,mmm in SRT)");
        }

        return end >= start ? start : throw Error(index, lines, "the cue ends before it starts");
    }

    /// <summary>Parses [h+:]mm:ss.mmm, with '.' or ',' before the milliseconds.</summary>
    private static bool TryParseTime(ReadOnlySpan<char> s, out TimeSpan time)
    {
        time = default;
        var dot = s.LastIndexOfAny('.', ',');
        var colon = s.LastIndexOf(':');
        if (dot < 0 || colon < 0 || dot != colon + 3 || s.Length - dot != 4 || !TryDigits(s[(dot + 1)..], out var ms)
            || !TryDigits(s[(colon + 1)..dot], out var seconds) || seconds > 59)
        {
            return false;
        }

        var rest = s[..colon];
        var colon2 = rest.LastIndexOf(':');
        long hours = 0;
        if (rest.Length - colon2 != 3 || !TryDigits(rest[(colon2 + 1)..], out var minutes) || minutes > 59
            || (colon2 >= 0 && !TryDigits(rest[..colon2], out hours)))
        {
            return false;
        }

        time = new TimeSpan(((((hours * 60) + minutes) * 60) + seconds) * TimeSpan.TicksPerSecond + ms * TimeSpan.TicksPerMillisecond);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out long value) =>
        long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value < 1_000_000;

    private static TranscriptFormatException Error(int index, string[] lines, string problem)
    {
        var line = lines[index].Trim();
        return new TranscriptFormatException($"Caption line {index + 1}: {problem}; found '{(line.Length > 60 ? line[..60] + "…" : line)}'.");
    }

    /// <summary>Strips cue markup (and SRT {\...} overrides), drops ruby annotations, and splits the text into pieces
    /// at line ends and voice changes.</summary>
    private static List<CuePiece> Clean(string[] lines, int from, int to)
    {
        var pieces = new List<CuePiece>(to - from);
        var sb = new StringBuilder();
        string? voice = null;
        var inRubyText = false;
        for (var n = from; n < to; n++)
        {
            var line = lines[n];
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                var close = c == '<' ? line.IndexOf('>', i + 1) : c == '{' && i + 1 < line.Length && line[i + 1] == '\\' ? line.IndexOf('}', i + 1) : -2;
                if (close == -2)
                {
                    if (!inRubyText)
                    {
                        sb.Append(c);
                    }

                    continue;
                }

                close = close < 0 ? line.Length : close;
                var tag = line.AsSpan(i + 1, close - i - 1);
                i = close;
                if (IsTag(tag, "v") || IsTag(tag, "/v"))
                {
                    Flush(pieces, sb, voice);
                    voice = tag[0] != '/' ? VoiceName(tag) : null;
                }
                else if (IsTag(tag, "rt") || IsTag(tag, "/rt") || IsTag(tag, "/ruby"))
                {
                    inRubyText = tag[0] != '/';
                }
            }

            Flush(pieces, sb, voice);
        }

        return pieces;
    }

    private static bool IsTag(ReadOnlySpan<char> tag, string name) =>
        tag.StartsWith(name, StringComparison.OrdinalIgnoreCase) && (tag.Length == name.Length || tag[name.Length] is ' ' or '\t' or '.');

    /// <summary>The annotation of a "v.class Name" tag, or null when it has none.</summary>
    private static string? VoiceName(ReadOnlySpan<char> tag)
    {
        var space = tag.IndexOfAny(' ', '\t');
        var name = space < 0 ? "" : Decode(tag[space..].ToString());
        return name.Length > 0 ? name : null;
    }

    private static void Flush(List<CuePiece> pieces, StringBuilder sb, string? voice)
    {
        if (sb.Length == 0)
        {
            return;
        }

        var text = Decode(sb.ToString());
        sb.Clear();
        if (text.Length > 0)
        {
            pieces.Add(new CuePiece(voice, text));
        }
    }

    /// <summary>Decodes character references (&amp;amp; &amp;nbsp; ...), drops direction marks, collapses whitespace.</summary>
    private static string Decode(string text)
    {
        if (text.Contains('&', StringComparison.Ordinal))
        {
            text = WebUtility.HtmlDecode(text);
        }

        if (text.AsSpan().IndexOfAny('\u200E', '\u200F') >= 0)
        {
            text = text.Replace("\u200E", "", StringComparison.Ordinal).Replace("\u200F", "", StringComparison.Ordinal);
        }

        return TextNormalizer.CollapseWhitespace(text);
    }
}
