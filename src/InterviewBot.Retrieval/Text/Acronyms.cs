using System.Text.RegularExpressions;
using InterviewBot.Core.Model;

namespace InterviewBot.Retrieval.Text;

/// <summary>Acronyms the corpus defines itself, "Dynamic Resource Allocation (DRA)": the acronym and its long form
/// are made equivalent in questions, so asking about either finds passages that use the other.</summary>
public sealed partial class Acronyms
{
    private static readonly HashSet<string> Skippable = new(StringComparer.OrdinalIgnoreCase) { "of", "and", "the", "for", "to", "in", "on", "a", "an", "&", "at", "by" };

    [GeneratedRegex(@"\((?<acr>[A-Z][A-Za-z]{0,2}[A-Z][A-Za-z]{0,6})\)")]
    private static partial Regex Definition();

    private readonly Dictionary<string, string[]> _longForms = new(StringComparer.Ordinal);

    public static Acronyms Find(Corpus corpus)
    {
        var result = new Acronyms();
        foreach (var sentence in corpus.Interviews.SelectMany(i => i.Turns).SelectMany(t => t.Sentences))
        {
            foreach (Match m in Definition().Matches(sentence.Text))
            {
                var acronym = m.Groups["acr"].Value;
                var longForm = LongForm(sentence.Text[..m.Index], acronym);
                var key = acronym.ToLowerInvariant();
                if (longForm is not null && !result._longForms.ContainsKey(key))
                {
                    result._longForms[key] = Analyzer.Terms(longForm).ToArray();
                }
            }
        }

        return result;
    }

    public int Count => _longForms.Count;

    /// <summary>The question's terms plus, for each acronym it uses, the long form's terms, and for each long form it
    /// spells out, the acronym.</summary>
    public IReadOnlyList<string> Expand(IReadOnlyList<string> terms)
    {
        var expanded = new List<string>(terms);
        foreach (var (acronym, longForm) in _longForms)
        {
            var hasAcronym = terms.Contains(acronym);
            var hasLongForm = longForm.Length > 0 && longForm.All(terms.Contains);
            if (hasAcronym && !hasLongForm)
            {
                expanded.AddRange(longForm);
            }
            else if (hasLongForm && !hasAcronym)
            {
                expanded.Add(acronym);
            }
        }

        return expanded.Distinct().ToList();
    }

    /// <summary>The words just before "(ACR)" whose initials spell the acronym (small words like "of", "and" may sit
    /// between them; hyphenated parts count as words).</summary>
    private static string? LongForm(string before, string acronym)
    {
        var letters = acronym.Where(char.IsUpper).Select(char.ToLowerInvariant).ToArray();
        var words = before.TrimEnd().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var used = new List<string>();
        var need = letters.Length - 1;
        for (var w = words.Length - 1; w >= 0 && need >= 0 && used.Count < letters.Length * 3; w--)
        {
            var word = words[w].Trim('*', '_', '"', '“', '”', ',', '[', ']');
            var parts = word.Split('-', StringSplitOptions.RemoveEmptyEntries).Where(p => !Skippable.Contains(p)).ToArray();
            if (parts.Length == 0 || Skippable.Contains(word))
            {
                used.Insert(0, word);
                continue;
            }

            for (var p = parts.Length - 1; p >= 0 && need >= 0; p--)
            {
                if (char.ToLowerInvariant(parts[p][0]) != letters[need])
                {
                    return null;
                }

                need--;
            }

            used.Insert(0, word);
        }

        return need < 0 ? string.Join(' ', used) : null;
    }
}
