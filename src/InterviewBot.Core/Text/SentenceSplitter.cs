namespace InterviewBot.Core.Text;

/// <summary>Splits normalised paragraph text into sentence spans. Every span is a contiguous slice of the input, so
/// joining consecutive spans with a space reproduces the source verbatim (up to whitespace).</summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "vs", "etc", "e.g", "i.e", "inc", "ltd", "co",
        "no", "vol", "fig", "approx", "gen", "gov", "sen", "rep", "lt", "col", "capt", "sgt", "u.s", "u.k", "a.m", "p.m",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    /// <summary>Returns (start, length) spans of the sentences in <paramref name="text"/>, trimmed.</summary>
    public static IReadOnlyList<(int Start, int Length)> Split(string text)
    {
        var spans = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('.' or '!' or '?' or '…'))
            {
                continue;
            }

            // Extend over runs of terminators and closing quotes/brackets: ?!, ...", .)
            var end = i + 1;
            while (end < text.Length && text[end] is '.' or '!' or '?' or '…')
            {
                end++;
            }

            while (end < text.Length && text[end] is '"' or '”' or '’' or '\'' or ')' or ']' or '*' or '_')
            {
                end++;
            }

            if (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                i = end - 1;
                continue;
            }

            var next = NextNonSpace(text, end);
            if (next >= 0 && !StartsSentence(text[next]))
            {
                i = end - 1;
                continue;
            }

            if (c == '.' && end == i + 1 && IsAbbreviation(text, i))
            {
                continue;
            }

            // An ellipsis inside a sentence ("I admire ... we love") is not a boundary; one before a capital is.
            if ((c == '…' || (c == '.' && end - i >= 3 && text[i + 1] == '.')) && next >= 0 && !char.IsUpper(text[next]))
            {
                i = end - 1;
                continue;
            }

            Add(spans, text, start, end);
            start = end;
            i = end - 1;
        }

        Add(spans, text, start, text.Length);
        return spans;
    }

    /// <summary>Convenience: the sentence strings.</summary>
    public static IReadOnlyList<string> SplitToStrings(string text) =>
        Split(text).Select(s => text.Substring(s.Start, s.Length)).ToList();

    private static int NextNonSpace(string text, int from)
    {
        for (var j = from; j < text.Length; j++)
        {
            if (!char.IsWhiteSpace(text[j]))
            {
                return j;
            }
        }

        return -1;
    }

    private static bool StartsSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || c is '"' or '“' or '‘' or '\'' or '(' or '[' or '*' or '_' or '-' or '—' or '¿' or '¡';

    private static bool IsAbbreviation(string text, int dot)
    {
        var s = dot - 1;
        while (s >= 0 && (char.IsLetter(text[s]) || text[s] == '.'))
        {
            s--;
        }

        var word = text.Substring(s + 1, dot - s - 1);
        if (word.Length == 0)
        {
            return false;
        }

        // A single capital letter is an initial ("John F. Kennedy"), not a sentence end.
        return (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word);
    }

    private static void Add(List<(int, int)> spans, string text, int from, int to)
    {
        while (from < to && char.IsWhiteSpace(text[from]))
        {
            from++;
        }

        while (to > from && char.IsWhiteSpace(text[to - 1]))
        {
            to--;
        }

        if (to > from)
        {
            spans.Add((from, to - from));
        }
    }
}
