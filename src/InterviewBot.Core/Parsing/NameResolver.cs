using System.Globalization;
using System.Text.RegularExpressions;
using InterviewBot.Core.Model;

namespace InterviewBot.Core.Parsing;

/// <summary>Turns the labels written in a transcript into people's names: the metadata's label map first, then full
/// names the metadata and the text give, matched by full name, initials ("KK"), surname ("MR. GROVE" → "Steve Grove")
/// or role title ("THE PRESIDENT" → "President Obama").</summary>
internal sealed class NameResolver
{
    private static readonly HashSet<string> Honorifics = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "rev", "senator", "sen", "rep",
        "governor", "gov", "mayor", "judge", "justice", "general", "gen", "captain", "capt", "secretary",
    };

    private readonly InterviewMetadata _meta;
    private readonly IReadOnlyDictionary<string, string> _labelMap;
    private readonly List<string> _names;
    private readonly string _text;
    private readonly IReadOnlyList<RawTurn> _turns;

    public NameResolver(InterviewMetadata meta, MetadataHints hints, IReadOnlyList<RawTurn> turns)
    {
        _turns = turns;
        _meta = meta;
        var map = new Dictionary<string, string>(hints.Speakers, StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in meta.Speakers)
        {
            map[k] = v;
        }

        _labelMap = map;
        _names = meta.Interviewees.Concat(meta.Interviewers).Concat(hints.KnownNames)
            .Append(meta.Author).OfType<string>().Where(n => n.Contains(' ', StringComparison.Ordinal)).Distinct().ToList();
        _text = string.Join('\n', turns.SelectMany(t => t.Paragraphs).Select(p => p.Text));
    }

    /// <summary>The display name for a label.</summary>
    public string Resolve(string label)
    {
        if (_labelMap.TryGetValue(label, out var mapped))
        {
            return mapped;
        }

        if (label is "Q")
        {
            return _meta.Interviewers.Count > 0 ? string.Join(" and ", _meta.Interviewers) : "Questioner";
        }

        if (label is "A")
        {
            return _meta.Interviewees.Count > 0 ? _meta.Interviewees[0] : "Interviewee";
        }

        var exact = _names.FirstOrDefault(n => n.Equals(label, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        if (label.Length is >= 2 and <= 4 && label.All(char.IsUpper))
        {
            var byInitials = _names.Where(n => Initials(n) == label).Distinct().ToList();
            if (byInitials.Count == 1)
            {
                return byInitials[0];
            }
        }

        var words = label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.TrimEnd('.')).ToArray();
        if (words.Length == 2 && Honorifics.Contains(words[0]))
        {
            return FullNameFor(words[1]) ?? TitleCase(label);
        }

        if (words.Length == 2 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            return TitledNameFor(label, words[1]) ?? TitleCase(label);
        }

        if (words.Length == 1 && words[0].Length > 2)
        {
            return FullNameFor(words[0]) ?? TitleCase(label);
        }

        return label.Any(char.IsLower) ? label : TitleCase(label);
    }

    /// <summary>A full name whose last word is <paramref name="surname"/>: from the metadata, else the most frequent
    /// "Firstname Surname" in the text.</summary>
    private string? FullNameFor(string surname)
    {
        var known = _names.FirstOrDefault(n => n.EndsWith(" " + surname, StringComparison.OrdinalIgnoreCase));
        if (known is not null)
        {
            return known;
        }

        var pattern = new Regex(@"\b(\p{Lu}[\p{Ll}'’-]+) " + Regex.Escape(TitleCase(surname)) + @"\b");
        return pattern.Matches(_text).Select(m => m.Groups[1].Value).Where(f => !Honorifics.Contains(f))
            .GroupBy(f => f).OrderByDescending(g => g.Count()).Select(g => g.Key + " " + TitleCase(surname)).FirstOrDefault();
    }

    /// <summary>For a role label like "THE PRESIDENT": the "President Name" others say most while the labelled
    /// speaker does not (people do not call themselves by title; they do name other presidents).</summary>
    private string? TitledNameFor(string label, string title)
    {
        var t = TitleCase(title);
        var pattern = new Regex(@"\b" + Regex.Escape(t) + @" (\p{Lu}[\p{Ll}'’-]+)\b");
        var scores = new Dictionary<string, int>();
        foreach (var turn in _turns)
        {
            var own = turn.Label == label;
            foreach (var p in turn.Paragraphs)
            {
                foreach (Match m in pattern.Matches(p.Text))
                {
                    scores[m.Groups[1].Value] = scores.GetValueOrDefault(m.Groups[1].Value) + (own ? -2 : 1);
                }
            }
        }

        return scores.Where(kv => kv.Value > 0).OrderByDescending(kv => kv.Value).Select(kv => t + " " + kv.Key).FirstOrDefault();
    }

    private static string Initials(string name) =>
        new(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).Select(w => w[0]).ToArray());

    private static string TitleCase(string s) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(s.ToLowerInvariant());
}
