using System.Collections.Concurrent;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace InterviewBot.Retrieval.Text;

/// <summary>Turns text into index terms: lower-cased words, English stop words removed, Porter2-stemmed.</summary>
public static class Analyzer
{
    private static readonly ConcurrentDictionary<string, string> StemCache = new(StringComparer.Ordinal);

    [ThreadStatic]
    private static EnglishStemmer? _stemmer;

    /// <summary>Words that carry no topic in any English text.</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having",
        "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it",
        "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on",
        "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so",
        "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these",
        "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
        "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours",
        "yourself", "yourselves", "s", "t", "d", "ll", "m", "re", "ve", "don", "didn", "doesn", "isn", "wasn", "aren",
        "weren", "won", "wouldn", "couldn", "shouldn", "hasn", "haven", "hadn", "also", "yeah", "oh", "um", "uh",
        "okay", "ok", "like", "really", "lot", "kind", "sort", "thing", "things", "get", "got", "gonna", "let", "us",
        "well", "yes", "mean", "know", "think",
    };

    /// <summary>Words that frame a question about an interview ("what does X say about …") rather than its topic.</summary>
    private static readonly HashSet<string> QuestionFraming = new(StringComparer.Ordinal)
    {
        "say", "says", "said", "saying", "tell", "tells", "told", "talk", "talks", "talked", "mention", "mentions",
        "mentioned", "describe", "describes", "described", "explain", "explains", "explained", "discuss", "discusses",
        "discussed", "according", "interview", "interviewed", "opinion", "view", "views", "feel", "feels", "thoughts",
        "please",
    };

    /// <summary>Index terms of a passage.</summary>
    public static List<string> Terms(string text) => Analyze(text, query: false);

    /// <summary>Index terms of a question: like <see cref="Terms"/>, without the words that only frame the question.</summary>
    public static List<string> QueryTerms(string text) => Analyze(text, query: true);

    private static List<string> Analyze(string text, bool query)
    {
        var terms = new List<string>();
        Span<char> buffer = stackalloc char[64];
        var len = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                if (len < buffer.Length)
                {
                    buffer[len++] = char.ToLowerInvariant(c);
                }

                continue;
            }

            // Keep apostrophes inside words only to split off clitics: "Russo's" -> "russo", "don't" -> "don".
            if (len > 0)
            {
                Emit(terms, buffer[..len], query);
                len = 0;
                if ((c is '\'' or '’') && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                {
                    while (i + 1 < text.Length && char.IsLetter(text[i + 1]))
                    {
                        i++;
                    }
                }
            }
        }

        return terms;
    }

    private static void Emit(List<string> terms, ReadOnlySpan<char> word, bool query)
    {
        var w = word.ToString();
        if (StopWords.Contains(w) || (query && QuestionFraming.Contains(w)))
        {
            return;
        }

        terms.Add(Stem(w));
    }

    /// <summary>Porter2 stem of a lower-case word (cached).</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || char.IsDigit(word[0]))
        {
            return word;
        }

        return StemCache.GetOrAdd(word, static w =>
        {
            var stemmer = _stemmer ??= new EnglishStemmer();
            stemmer.SetCurrent(w);
            stemmer.Stem();
            return stemmer.Current;
        });
    }
}
