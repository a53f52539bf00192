using System.Text.RegularExpressions;
using InterviewBot.Core.Model;
using InterviewBot.Core.Text;

namespace InterviewBot.Core.Parsing;

/// <summary>Plain-text web-article Q&amp;A (like a copied magazine interview): unlabelled questions, answers that may
/// carry a "Name:" label, an author's introduction, and page furniture to drop.</summary>
public sealed partial class ArticleParser : ITranscriptParser
{
    [GeneratedRegex(@"^Interview (with|of) (?<who>.+?)(?: by (?<by>.+?))?\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex InterviewTitle();

    public ParsedTranscript Parse(string text, InterviewMetadata? metadata) =>
        ParseLines(TextNormalizer.Lines(text), metadata, MetadataHints.None);

    /// <summary>Shared with the Markdown parser for articles whose labels were lost.</summary>
    internal static ParsedTranscript ParseLines(IReadOnlyList<string> lines, InterviewMetadata? metadata, MetadataHints baseHints)
    {
        var authors = new[] { metadata?.Author, baseHints.Author }.Concat(metadata?.Interviewers ?? [])
            .OfType<string>().ToList();
        var title = metadata?.Title ?? baseHints.Title;
        var hints = baseHints;
        var paragraphs = new List<Paragraph>();
        var inFooter = false;
        var seenQuestion = false;

        foreach (var block in Blocks(lines))
        {
            var blockIsCaption = block.Count > 1 && block.Any(Furniture.IsCredit);
            foreach (var raw in block)
            {
                var line = TextNormalizer.CollapseWhitespace(raw);
                if (inFooter || blockIsCaption || line.Length == 0)
                {
                    continue;
                }

                if (Furniture.Byline(line) is { } names)
                {
                    hints = hints.Interviewers.Count > 0 ? hints : hints with { Interviewers = names };
                    continue;
                }

                if (InterviewTitle().Match(line) is { Success: true } m && TextNormalizer.WordCount(line) <= 14)
                {
                    hints = hints with
                    {
                        Title = hints.Title ?? line.TrimEnd('.'),
                        Interviewees = hints.Interviewees.Count > 0 ? hints.Interviewees : [m.Groups["who"].Value],
                    };
                    continue;
                }

                if (Furniture.IsBoilerplate(line))
                {
                    // Disclosures and promos after the interview has begun mark the start of the page footer.
                    inFooter = seenQuestion;
                    continue;
                }

                if (Furniture.IsCredit(line) || Furniture.IsFragment(line) || Furniture.IsBio(line, authors)
                    || (title is not null && line.TrimEnd('.').Equals(title, StringComparison.OrdinalIgnoreCase)))
                {
                    hints = hints.Title is null && Furniture.IsFragment(line) && TextNormalizer.WordCount(line) >= 4 && !seenQuestion
                        ? hints with { Title = line }
                        : hints;
                    continue;
                }

                seenQuestion |= Furniture.EndsWithQuestion(line);
                paragraphs.Add(new Paragraph(line));
            }
        }

        var turns = QaSegmenter.Segment(paragraphs, (metadata?.Interviewees is { Count: > 0 } known ? known : hints.Interviewees));
        if (!turns.Any(t => t.Role == SpeakerRole.Interviewer) || !turns.Any(t => t.Role == SpeakerRole.Interviewee))
        {
            throw new TranscriptFormatException("no question-and-answer structure found (no paragraph ends with a question followed by an answer)");
        }

        var labels = turns.Select(t => t.Label).OfType<string>().Distinct().ToList();
        if (hints.Interviewees.Count == 0 && labels.Count > 0)
        {
            hints = hints with { Interviewees = [labels[0]] };
        }

        return new ParsedTranscript(turns, hints);
    }

    /// <summary>Groups lines into blocks separated by blank lines; within a block, a long line without a sentence end
    /// is a hard-wrapped line and is joined with the next.</summary>
    private static IEnumerable<List<string>> Blocks(IReadOnlyList<string> lines)
    {
        var block = new List<string>();
        foreach (var raw in lines)
        {
            if (raw.Trim().Length == 0)
            {
                if (block.Count > 0)
                {
                    yield return block;
                    block = [];
                }

                continue;
            }

            if (block.Count > 0 && block[^1].Length >= 60 && !Furniture.EndsSentence(block[^1]) && !Furniture.IsCredit(block[^1])
                && !Furniture.IsCredit(raw))
            {
                block[^1] = block[^1].TrimEnd() + " " + raw.Trim();
            }
            else
            {
                block.Add(raw);
            }
        }

        if (block.Count > 0)
        {
            yield return block;
        }
    }
}
