using InterviewBot.Core.Model;

namespace InterviewBot.Retrieval.Quotes;

/// <summary>Builds quote text from sentences: joins them verbatim and, only when a single sentence is longer than
/// the limit, cuts it at word boundaries around the part that matters, marking each cut with "…".</summary>
public static class QuoteText
{
    public const int MaxLength = 400;

    /// <summary>A quote is one to three sentences.</summary>
    public const int MaxSentences = 3;

    public static string Join(IReadOnlyList<Sentence> sentences, int first, int count) =>
        string.Join(' ', Enumerable.Range(first, count).Select(i => sentences[i].Text));

    /// <summary>Cuts <paramref name="text"/> to at most <see cref="MaxLength"/> characters, keeping the window that
    /// starts near <paramref name="focus"/> (a character offset of the most relevant part).</summary>
    public static string Fit(string text, int focus = 0)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var budget = MaxLength - 2;
        var start = Math.Clamp(focus - (budget / 4), 0, text.Length - budget);
        var end = Math.Min(text.Length, start + budget);
        if (start > 0)
        {
            var space = text.IndexOf(' ', start);
            start = space < 0 || space >= end ? start : space + 1;
        }

        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end - 1, end - start);
            end = space <= start ? end : space;
        }

        var core = text[start..end].Trim().TrimEnd(',', ';', ':', '—', '-').TrimEnd();
        return (start > 0 ? "…" : string.Empty) + core + (end < text.Length ? "…" : string.Empty);
    }
}
