using System.Security.Cryptography;
using System.Text;
using InterviewBot.Core.Model;
using InterviewBot.Retrieval;
using InterviewBot.Retrieval.Quotes;

namespace InterviewBot.Chat.Library;

/// <summary>One loaded corpus with everything the chat commands need: the retriever, the standalone quotes, and the
/// speaker and interview lists for autocomplete. Immutable; a reload builds a new one.</summary>
public sealed class QuoteLibrary
{
    public const int MaxChoices = 25;

    private readonly Dictionary<string, Interview> _byKey;

    public QuoteLibrary(Retriever retriever)
    {
        Retriever = retriever;
        Book = new QuoteBook(retriever.Index.Corpus);
        _byKey = Corpus.Interviews.ToDictionary(i => KeyOf(i.Id), StringComparer.Ordinal);
        Speakers = Corpus.Interviews.SelectMany(i => i.Turns).Where(t => t.Role == SpeakerRole.Interviewee)
            .Select(t => t.Speaker).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    public Retriever Retriever { get; }

    public QuoteBook Book { get; }

    public Corpus Corpus => Retriever.Index.Corpus;

    /// <summary>The interviewees, alphabetically.</summary>
    public IReadOnlyList<string> Speakers { get; }

    /// <summary>A short key for an interview id that fits in a button's state (8 hex digits of SHA-256).</summary>
    public static string KeyOf(string interviewId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(interviewId)), 0, 4);

    /// <summary>8 hex digits of a hash of a quote's words, carried by "Context" buttons to recognise the quote.</summary>
    public static string CheckOf(string quoteText) =>
        (QuoteBook.StableHash(quoteText) & 0xFFFF_FFFF).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    public Interview? InterviewByKey(string key) => _byKey.GetValueOrDefault(key);

    public Interview? InterviewById(string id) =>
        Corpus.Interviews.FirstOrDefault(i => i.Id.Equals(id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Up to 25 speakers whose name contains what was typed (those starting with it first).</summary>
    public IReadOnlyList<string> SpeakersMatching(string typed) => Filter(Speakers, s => s, typed).ToList();

    /// <summary>Up to 25 interviews whose title or id contains what was typed.</summary>
    public IReadOnlyList<Interview> InterviewsMatching(string typed) =>
        Filter(Corpus.Interviews, i => $"{i.Metadata.Title} {i.Id}", typed).ToList();

    private static IEnumerable<T> Filter<T>(IEnumerable<T> items, Func<T, string> text, string typed)
    {
        typed = typed.Trim();
        return items.Select(i => (Item: i, At: text(i).IndexOf(typed, StringComparison.OrdinalIgnoreCase)))
            .Where(x => x.At >= 0)
            .OrderBy(x => x.At == 0 ? 0 : 1)
            .Take(MaxChoices)
            .Select(x => x.Item);
    }
}
