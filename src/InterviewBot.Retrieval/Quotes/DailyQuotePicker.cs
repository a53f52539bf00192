using System.Globalization;

namespace InterviewBot.Retrieval.Quotes;

/// <summary>A quote already chosen for a channel's day.</summary>
/// <param name="Cycle">Which pass over the pool it belongs to.</param>
public sealed record PastPick(DateOnly Date, string QuoteKey, string Speaker, int Cycle);

/// <summary>The quote chosen for a channel's day.</summary>
public sealed record DailyPick(Quote Quote, string QuoteKey, int Cycle);

/// <summary>Chooses a channel's quote of the day from its pool and its history:
/// <list type="bullet">
/// <item>no quote comes back in a channel until every quote in its pool has been used; then a new cycle starts;</item>
/// <item>the speaker of the previous day's quote is not chosen again when another speaker is available; speakers
/// with many quotes left are preferred enough that a cycle does not end in a run of one speaker;</item>
/// <item>the choice depends only on (channel, date, history, pool), so a preview is exactly what will be posted;</item>
/// <item>a quote added to the corpus joins the current cycle; history is never reset.</item>
/// </list></summary>
public static class DailyQuotePicker
{
    /// <summary>A key for a quote that survives re-indexing and the corpus growing: its interview and a hash of its
    /// text (turn numbers shift when a transcript is edited; the words do not).</summary>
    public static string KeyOf(Quote quote) =>
        $"{quote.Interview.Id}#{QuoteBook.StableHash(quote.Text).ToString("x16", CultureInfo.InvariantCulture)}";

    /// <param name="pool">The channel's candidate quotes (the standalone quotes matching its filters).</param>
    /// <param name="channel">A stable name for the channel, e.g. "discord:123".</param>
    /// <param name="history">The channel's earlier picks, oldest first; only days before <paramref name="date"/> count.</param>
    public static DailyPick? Pick(IReadOnlyList<Quote> pool, string channel, DateOnly date, IReadOnlyList<PastPick> history)
    {
        var byKey = new Dictionary<string, Quote>(StringComparer.Ordinal);
        foreach (var quote in pool)
        {
            byKey.TryAdd(KeyOf(quote), quote);
        }

        if (byKey.Count == 0)
        {
            return null;
        }

        var past = history.Where(h => h.Date < date).ToList();
        var cycle = past.Count > 0 ? past.Max(h => h.Cycle) : 0;
        var used = past.Where(h => h.Cycle == cycle).Select(h => h.QuoteKey).ToHashSet(StringComparer.Ordinal);
        var left = byKey.Where(kv => !used.Contains(kv.Key)).ToList();
        if (left.Count == 0)
        {
            cycle++;
            left = byKey.ToList();
        }

        var yesterday = past.LastOrDefault(h => h.Date == date.AddDays(-1))?.Speaker;
        var speaker = ChooseSpeaker(left.Select(kv => kv.Value.Speaker), yesterday, $"{channel}|{date:yyyy-MM-dd}");
        var (key, chosen) = left.Where(kv => Same(kv.Value.Speaker, speaker))
            .MinBy(kv => QuoteBook.StableHash($"{channel}|{date:yyyy-MM-dd}|{kv.Key}"));
        return new DailyPick(chosen, key, cycle);
    }

    /// <summary>A speaker other than <paramref name="yesterday"/> when one is left. A speaker holding at least half of
    /// what is left must be chosen now, or the cycle would end with that speaker on consecutive days; otherwise the
    /// choice is random (seeded by <paramref name="seed"/>) and weighted by how many quotes each speaker has left.</summary>
    private static string ChooseSpeaker(IEnumerable<string> speakers, string? yesterday, string seed)
    {
        var counts = speakers.GroupBy(s => s, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Speaker: g.Key, Count: g.Count()))
            .OrderBy(c => c.Speaker, StringComparer.Ordinal)
            .ToList();
        var others = counts.Where(c => yesterday is null || !Same(c.Speaker, yesterday)).ToList();
        if (others.Count == 0)
        {
            return counts[0].Speaker;
        }

        var total = counts.Sum(c => c.Count);
        var dominant = others.MaxBy(c => c.Count);
        if (others.Count > 1 && dominant.Count * 2 >= total)
        {
            return dominant.Speaker;
        }

        var ticket = (long)(QuoteBook.StableHash(seed + "|speaker") % (ulong)others.Sum(c => c.Count));
        foreach (var (name, count) in others)
        {
            if (ticket < count)
            {
                return name;
            }

            ticket -= count;
        }

        return others[^1].Speaker;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
