using System.Globalization;
using System.Text.RegularExpressions;
using InterviewBot.Core.Model;
using InterviewBot.Core.Text;

namespace InterviewBot.Core.Parsing;

/// <summary>"SPEAKER: text" transcripts: all-caps labels (<c>THE PRESIDENT:</c>, <c>MR. GROVE:</c>), name labels
/// (<c>Jane Doe:</c>) and bare <c>Q</c>/<c>A</c> turns. Header lines before the first turn (release notes, titles, a
/// cite URL) and stage directions such as "(Laughter.)" are dropped.</summary>
public sealed partial class LabelledParser : ITranscriptParser
{
    // A label is an all-caps run (with titles like MR. / THE), a capitalised name of up to four words, or Q / A.
    [GeneratedRegex(@"^(?<label>(?:[\p{Lu}][\p{Lu}.'’-]*)(?: [\p{Lu}][\p{Lu}.'’-]*){0,4}|\p{Lu}[\p{Ll}'’.-]+(?: \p{Lu}[\p{L}'’.-]*){0,3}):[ \t\u00A0]+(?<text>\S.*)$")]
    private static partial Regex LabelLine();

    [GeneratedRegex(@"^(?<label>Q|A)(?:[:.]|[ \t\u00A0]{2,}|\u00A0)[ \t\u00A0]*(?<text>\S.*)$")]
    private static partial Regex QaLine();

    [GeneratedRegex(@"^\((?:[^()]*)\)\.?$")]
    private static partial Regex StageDirection();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    [GeneratedRegex(@"^Interview (?:of|with) (?<who>.+?)(?: by (?<by>.+?)(?: of (?<outlet>[^,]+).*)?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex InterviewTitle();

    [GeneratedRegex(@"^END\b|^\d{1,2}:\d{2} [AP]\.?M\.?", RegexOptions.IgnoreCase)]
    private static partial Regex TimeOrEnd();

    private static readonly string[] DateFormats = ["MMMM dd, yyyy", "MMMM d, yyyy", "MMM d, yyyy", "yyyy-MM-dd", "d MMMM yyyy"];

    /// <summary>How many label lines a file needs to be read as a labelled transcript.</summary>
    public static int CountLabelLines(IEnumerable<string> lines) =>
        lines.Select(l => l.Trim()).Count(l => LabelLine().IsMatch(l) || QaLine().IsMatch(l));

    public ParsedTranscript Parse(string text, InterviewMetadata? metadata)
    {
        var lines = TextNormalizer.Lines(text).Select(l => l.Trim().Trim('\u00A0')).ToList();
        var matches = lines.Select(Match).ToList();

        // An all-caps label (MR. DOE:) is a speaker even once; a capitalised one must recur, or be named in the
        // metadata, to count: "Note: ..." once is just text.
        var counts = matches.Where(m => m is not null).GroupBy(m => m!.Value.Label).ToDictionary(g => g.Key, g => g.Count());
        bool IsSpeaker(string label) => label is "Q" or "A" || counts[label] >= 2 || (label.Length >= 2 && !label.Any(char.IsLower))
            || (metadata?.Speakers.ContainsKey(label) ?? false);

        var hints = MetadataHints.None;
        var turns = new List<RawTurn>();
        string? label = null;
        var paragraphs = new List<Paragraph>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || StageDirection().IsMatch(line))
            {
                continue;
            }

            if (matches[i] is { } m && IsSpeaker(m.Label))
            {
                if (label is not null && paragraphs.Count > 0)
                {
                    turns.Add(new RawTurn(label, RoleOf(label), paragraphs));
                }

                label = m.Label;
                paragraphs = [new Paragraph(TextNormalizer.CollapseWhitespace(m.Text))];
                continue;
            }

            if (label is null)
            {
                hints = Header(line, hints);
                continue;
            }

            if (TimeOrEnd().IsMatch(line) && TextNormalizer.WordCount(line) <= 5)
            {
                continue;
            }

            paragraphs.Add(new Paragraph(TextNormalizer.CollapseWhitespace(line)));
        }

        if (label is not null && paragraphs.Count > 0)
        {
            turns.Add(new RawTurn(label, RoleOf(label), paragraphs));
        }

        if (turns.Select(t => t.Label).Distinct().Count() < 2)
        {
            throw new TranscriptFormatException("fewer than two recurring speaker labels (expected lines like 'NAME: text')");
        }

        return new ParsedTranscript(turns, hints);
    }

    private static SpeakerRole? RoleOf(string label) => label switch
    {
        "Q" => SpeakerRole.Interviewer,
        "A" => SpeakerRole.Interviewee,
        _ => null,
    };

    private static (string Label, string Text)? Match(string line)
    {
        var m = QaLine().Match(line);
        if (!m.Success)
        {
            m = LabelLine().Match(line);
        }

        return m.Success ? (m.Groups["label"].Value.TrimEnd('.'), m.Groups["text"].Value) : null;
    }

    /// <summary>Reads what a press-release header tells: the source URL, the date and the "Interview of X by Y" title.</summary>
    private static MetadataHints Header(string line, MetadataHints hints)
    {
        var text = TextNormalizer.CollapseWhitespace(line);
        if (hints.Url is null && Url().Match(text) is { Success: true } url)
        {
            return hints with { Url = url.Value };
        }

        if (hints.Date is null && DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return hints with { Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        }

        if (hints.Title is null && InterviewTitle().Match(text) is { Success: true } t)
        {
            var by = t.Groups["by"].Value;
            var byPerson = by.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2;
            return hints with
            {
                Title = text,
                Interviewers = byPerson ? [by] : [],
                Outlet = t.Groups["outlet"].Success ? t.Groups["outlet"].Value.Trim() : byPerson || by.Length == 0 ? null : by,
            };
        }

        return hints;
    }
}
