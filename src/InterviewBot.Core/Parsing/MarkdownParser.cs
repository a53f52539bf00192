using System.Text.RegularExpressions;
using InterviewBot.Core.Model;
using InterviewBot.Core.Text;

namespace InterviewBot.Core.Parsing;

/// <summary>Markdown interviews: YAML front matter, bold questions (<c>**NF: ...?**</c>), bold speaker labels
/// (<c>**KK:**</c>, <c>**Jane Doe (JD)**:</c>), <c>**Name:** text</c> turns and inline timestamps. Headings start a
/// narrated section. A Markdown file with no labels or bold questions is read as a plain article.</summary>
public sealed partial class MarkdownParser : ITranscriptParser
{
    // **Label:** text | **Label**: text | **Label (LI):** text
    [GeneratedRegex(@"^\*\*(?<label>[^*:]{1,60}?)(?:\s*\((?<init>\p{Lu}{2,4})\))?(?::\*\*|\*\*\s*:)\s*(?<text>.*)$")]
    private static partial Regex BoldLabel();

    // **Label: whole bold question?**
    [GeneratedRegex(@"^\*\*(?<label>[^*:]{1,60}?)(?:\s*\((?<init>\p{Lu}{2,4})\))?:\s+(?<text>[^*].*?)\*\*$")]
    private static partial Regex BoldLabelledQuestion();

    [GeneratedRegex(@"^\*\*(?<text>[^*].*?)\*\*$")]
    private static partial Regex BoldParagraph();

    [GeneratedRegex(@"^\s*([*+-]|\d+[.)])\s+")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^(#{1,6}\s|\s*\||\s*(\*\s*){3,}$|\s*(-\s*){3,}$|\s*(_\s*){3,}$|\s*\{\{|\s*<!--|\s*!\[)")]
    private static partial Regex NonProse();

    public ParsedTranscript Parse(string text, InterviewMetadata? metadata)
    {
        var (frontMatter, body) = MetadataReader.SplitFrontMatter(text);
        var hints = FrontMatterHints(frontMatter);
        var blocks = Blocks(TextNormalizer.Lines(body)).ToList();

        var turns = new List<RawTurn>();
        var knownNames = new List<string>();
        string? label = null;
        SpeakerRole? role = null;
        var paragraphs = new List<Paragraph>();
        var labelled = 0;

        void Flush()
        {
            if (paragraphs.Count > 0)
            {
                turns.Add(new RawTurn(label, role, paragraphs));
            }

            paragraphs = [];
        }

        foreach (var (raw, kind) in blocks)
        {
            if (kind == BlockKind.Heading)
            {
                Flush();
                (label, role) = (null, SpeakerRole.Narrator);
                continue;
            }

            if (kind == BlockKind.Paragraph && Label(raw) is { } l)
            {
                Flush();
                labelled++;
                (label, role) = (l.Label, l.Question ? SpeakerRole.Interviewer : null);
                if (l.Label.Contains(' ', StringComparison.Ordinal))
                {
                    knownNames.Add(l.Label);
                }

                if (l.Initials is { } init)
                {
                    hints = hints with { Speakers = new Dictionary<string, string>(hints.Speakers) { [init] = l.Label } };
                }

                AddRendered(l.Text);
                continue;
            }

            if (kind == BlockKind.Paragraph && BoldParagraph().Match(raw) is { Success: true } q && Furniture.EndsWithQuestion(q.Groups["text"].Value))
            {
                Flush();
                labelled++;
                (label, role) = (null, SpeakerRole.Interviewer);
                AddRendered(q.Groups["text"].Value);
                continue;
            }

            if (role == SpeakerRole.Interviewer && paragraphs.Count > 0)
            {
                // Prose after a bold question is its answer, by whoever the interview is with.
                Flush();
                (label, role) = (null, SpeakerRole.Interviewee);
            }

            role ??= label is null ? SpeakerRole.Narrator : role;
            AddRendered(raw);
        }

        Flush();

        if (labelled == 0)
        {
            // Labels lost (e.g. bold stripped by a scrape): read the rendered text as a plain Q&A article.
            var lines = TextNormalizer.Lines(body)
                .Select(l => NonProse().IsMatch(l.Trim()) ? string.Empty : MarkdownInline.Render(ListItem().Replace(l, string.Empty)).Text)
                .ToList();
            return ArticleParser.ParseLines(lines, metadata, hints);
        }

        return new ParsedTranscript(turns, hints with { KnownNames = knownNames.Distinct().ToList() });

        void AddRendered(string markdown)
        {
            var p = MarkdownInline.Render(markdown);
            if (p.Text.Length > 0 && !Furniture.IsCredit(p.Text))
            {
                paragraphs.Add(p);
            }
        }
    }

    private static (string Label, string? Initials, string Text, bool Question)? Label(string raw)
    {
        var m = BoldLabelledQuestion().Match(raw);
        var question = m.Success;
        if (!m.Success)
        {
            m = BoldLabel().Match(raw);
        }

        if (!m.Success || !LooksLikeName(m.Groups["label"].Value.Trim()))
        {
            return null;
        }

        var init = m.Groups["init"].Success ? m.Groups["init"].Value : null;
        return (m.Groups["label"].Value.Trim(), init, m.Groups["text"].Value, question);
    }

    /// <summary>A speaker label: initials (KK) or up to five capitalised words (Kevin Klues, Dr. Jane van Doe).</summary>
    private static bool LooksLikeName(string label)
    {
        var words = label.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= 5 && char.IsUpper(words[0][0]) && words.Count(w => char.IsUpper(w[0])) >= words.Length - 1
            && !label.EndsWith('?');
    }

    private static MetadataHints FrontMatterHints(string? frontMatter)
    {
        if (frontMatter is null)
        {
            return MetadataHints.None;
        }

        var f = MetadataReader.ReadFields(frontMatter);
        var author = f.List("author", "authors");
        return new MetadataHints
        {
            Title = f.String("title"),
            Date = f.String("date") is { Length: >= 10 } d ? d[..10] : f.String("date"),
            Author = author.Count > 0 ? string.Join(" and ", author) : null,
            Url = f.String("url") ?? f.String("canonical"),
            Outlet = f.String("outlet") ?? f.String("publisher"),
            Interviewers = f.List("interviewer", "interviewers"),
            Interviewees = f.List("interviewee", "interviewees"),
            Speakers = f.Map("speakers"),
        };
    }

    private enum BlockKind
    {
        Paragraph,
        ListItem,
        Heading,
    }

    /// <summary>Blocks of Markdown: paragraphs (lines joined), list items (one each), headings. Tables, rules,
    /// images, comments, shortcodes and fenced code are dropped.</summary>
    private static IEnumerable<(string Raw, BlockKind Kind)> Blocks(IEnumerable<string> lines)
    {
        var current = new List<string>();
        var currentKind = BlockKind.Paragraph;
        var fenced = false;
        foreach (var rawLine in lines)
        {
            var line = rawLine.TrimEnd();
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            var trimmed = line.TrimStart().TrimStart('>').Trim();
            var isItem = ListItem().IsMatch(line);
            if (fenced || trimmed.Length == 0 || NonProse().IsMatch(trimmed) || isItem)
            {
                if (current.Count > 0)
                {
                    yield return (string.Join(' ', current), currentKind);
                    current = [];
                }

                currentKind = isItem && !fenced ? BlockKind.ListItem : BlockKind.Paragraph;
                if (!fenced && trimmed.StartsWith('#'))
                {
                    yield return (trimmed.TrimStart('#').Trim(), BlockKind.Heading);
                }
                else if (!fenced && isItem)
                {
                    current.Add(ListItem().Replace(line, string.Empty).Trim());
                }

                continue;
            }

            current.Add(trimmed);
        }

        if (current.Count > 0)
        {
            yield return (string.Join(' ', current), currentKind);
        }
    }
}
