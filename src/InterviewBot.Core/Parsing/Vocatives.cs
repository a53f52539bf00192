using System.Text.RegularExpressions;
using InterviewBot.Core.Text;

namespace InterviewBot.Core.Parsing;

/// <summary>Names people call each other in an unlabelled conversation. A host greets or welcomes the guest by name
/// at the start ("Hello, Laura.", "Laura, welcome to the show."); the guest thanks the host by name ("Thank you very
/// much, Michael."). Used only when a transcript names no speakers at all.</summary>
internal static partial class Vocatives
{
    /// <summary>How many opening sentences are searched.</summary>
    private const int Opening = 80;

    [GeneratedRegex(@"^(?:(?:hello|hi|hey|welcome(?: back)?(?: to the show)?|good (?:morning|afternoon|evening))[,!]? (?<name>\p{Lu}\p{Ll}+)[.!?,]|(?<name>\p{Lu}\p{Ll}+), welcome\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^(?:thanks|thank you)(?: (?:so|very) much)?(?: for having me)?, (?<name>\p{Lu}\p{Ll}+)[.!?,]", RegexOptions.IgnoreCase)]
    private static partial Regex Thanks();

    /// <summary>(guest, host) first names, when the opening gives them.</summary>
    public static (string? Guest, string? Host) Infer(IEnumerable<Paragraph> paragraphs)
    {
        string? guest = null;
        string? host = null;
        var sentences = paragraphs.SelectMany(p => SentenceSplitter.SplitToStrings(p.Text)).Take(Opening);
        foreach (var sentence in sentences)
        {
            if (guest is null && Greeting().Match(sentence) is { Success: true } g && char.IsUpper(g.Groups["name"].Value[0]))
            {
                guest = g.Groups["name"].Value;
            }
            else if (guest is not null && host is null && Thanks().Match(sentence) is { Success: true } t && t.Groups["name"].Value != guest)
            {
                host = t.Groups["name"].Value;
            }
        }

        return (guest, host);
    }
}
