using System.Text.RegularExpressions;
using InterviewBot.Core.Text;

namespace InterviewBot.Core.Parsing;

/// <summary>Recognises page furniture in web articles: navigation, headings, photo captions and credits, affiliate
/// and ad text, author bios. These are generic patterns of web publishing, not of any one article.</summary>
internal static partial class Furniture
{
    /// <summary>A photo or image credit: "Photo: Jane Doe/Agency", "Image: 20th Century Fox", "Getty Images".</summary>
    [GeneratedRegex(@"(\b(Photos?|Photograph|Photography|Images?|Illustrations?|Credit|Video|Graphic|Screenshot|Photo illustration)( by)?:\s*\S)|Getty Images|\bAP Photo\b|\(Photo\b|©", RegexOptions.IgnoreCase)]
    private static partial Regex CreditPattern();

    /// <summary>Affiliate disclosures, ads, newsletter and sharing prompts, cookie notices, copyright lines.</summary>
    [GeneratedRegex(@"\b(affiliate|commissions?\b|ethics (statement|policy)|sponsored|advertisement|advertis(ing|er) partner|sign up for|newsletter|subscribe\b|cookie|all rights reserved|privacy policy|terms of (use|service)|share this|read more|click here|recommended for you|related (stories|articles|posts)|follow us on)", RegexOptions.IgnoreCase)]
    private static partial Regex BoilerplatePattern();

    /// <summary>An author bio: "Jane Doe is a senior editor at Outlet."</summary>
    [GeneratedRegex(@"^(\p{Lu}[\p{L}'’.-]+ ){1,3}is an? ([\p{L}-]+ ){0,4}(editor|writer|reporter|correspondent|journalist|contributor|critic|columnist|host|producer|staff writer)\b", RegexOptions.None)]
    private static partial Regex BioPattern();

    /// <summary>"Interview conducted by X and Y", "Interviewed by X", "Transcribed by X".</summary>
    [GeneratedRegex(@"^(Interview(ed)?|Interview conducted|Conducted|Transcribed|Edited|Transcript)( and condensed)? by (?<names>.+?)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex BylinePattern();

    public static bool IsCredit(string line) => CreditPattern().IsMatch(line);

    public static bool IsBoilerplate(string line) => BoilerplatePattern().IsMatch(line);

    public static bool IsBio(string line, IEnumerable<string> knownAuthors) =>
        BioPattern().IsMatch(line) || knownAuthors.Any(a => line.StartsWith(a + " is ", StringComparison.Ordinal));

    /// <summary>A line with no sentence-ending punctuation and few words: a heading, a dek, a nav item, a caption.</summary>
    public static bool IsFragment(string line) =>
        !EndsSentence(line) && TextNormalizer.WordCount(line) <= 15;

    /// <summary>A by-line such as "Interview conducted by Fred Van Wert and Mark Vorobetz"; returns the names.</summary>
    public static IReadOnlyList<string>? Byline(string line)
    {
        var m = BylinePattern().Match(line.Trim());
        if (!m.Success || TextNormalizer.WordCount(line) > 14)
        {
            return null;
        }

        return m.Groups["names"].Value.Split([",", " and ", " & "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Does the text end like a sentence (., ?, !, … possibly inside closing quotes or brackets)?</summary>
    public static bool EndsSentence(string text)
    {
        var t = text.TrimEnd().TrimEnd('"', '”', '’', '\'', ')', ']', '*', '_');
        return t.Length > 0 && t[^1] is '.' or '?' or '!' or '…';
    }

    /// <summary>Does the text end with a question mark (inside closing quotes or brackets)?</summary>
    public static bool EndsWithQuestion(string text)
    {
        var t = text.TrimEnd().TrimEnd('"', '”', '’', '\'', ')', ']', '*', '_');
        return t.EndsWith('?');
    }
}
