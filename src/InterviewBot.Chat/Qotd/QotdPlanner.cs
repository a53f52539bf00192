using System.Globalization;
using System.Runtime.CompilerServices;
using InterviewBot.Chat.Library;
using InterviewBot.Retrieval.Quotes;
using InterviewBot.Store;

namespace InterviewBot.Chat.Qotd;

/// <summary>What a channel's quote of the day is on a date: the quote recorded for it, or the one the picker
/// chooses from the channel's pool and history (<see cref="DailyQuotePicker"/>).</summary>
internal sealed class QotdPlanner(LibraryHolder library)
{
    /// <summary>The furthest ahead a preview simulates.</summary>
    public const int MaxPreviewDays = 3660;

    private readonly ConditionalWeakTable<QuoteLibrary, Dictionary<string, Pool>> _pools = new();

    public static string Heading(DateOnly date) =>
        $"Quote of the day, {date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>The channel's candidate quotes: the library's standalone quotes that pass its filters.</summary>
    public IReadOnlyList<Quote> PoolFor(Subscription s) => PoolOf(s).Quotes;

    /// <summary>The quote with this key, if the corpus still has it.</summary>
    public Quote? Find(Subscription s, string key) =>
        PoolOf(s).ByKey.GetValueOrDefault(key) ?? PoolOf(s with { Speaker = null, Interview = null }).ByKey.GetValueOrDefault(key);

    /// <summary>The pick for <paramref name="date"/> given everything recorded before it.</summary>
    public DailyPick? Plan(Subscription s, DateOnly date, IReadOnlyList<PostRecord> history) =>
        DailyQuotePicker.Pick(PoolFor(s), s.Channel.ToString(), date, Picks(history));

    /// <summary>What the channel gets on <paramref name="date"/>: the recorded day when there is one, else the pick,
    /// assuming every unrecorded day from <paramref name="today"/> on posts as planned.</summary>
    public QotdPreview Preview(Subscription s, DateOnly date, DateOnly today, IReadOnlyList<PostRecord> history)
    {
        if (history.FirstOrDefault(h => h.LocalDate == date) is { } record)
        {
            return new QotdPreview(date, record.Planned is { } p ? Find(s, p.QuoteKey) : null, record);
        }

        var picks = Picks(history).Where(p => p.Date < date).ToList();
        var recorded = history.Select(h => h.LocalDate).ToHashSet();
        var from = picks.Count > 0 && picks[^1].Date >= today ? picks[^1].Date.AddDays(1) : today;
        if (date.DayNumber - from.DayNumber > MaxPreviewDays)
        {
            throw new ArgumentOutOfRangeException(nameof(date), $"a preview can look at most {MaxPreviewDays} days ahead");
        }

        var pool = PoolFor(s);
        for (var day = from; day < date; day = day.AddDays(1))
        {
            if (!recorded.Contains(day) && DailyQuotePicker.Pick(pool, s.Channel.ToString(), day, picks) is { } pick)
            {
                picks.Add(new PastPick(day, pick.QuoteKey, pick.Quote.Speaker, pick.Cycle));
            }
        }

        return new QotdPreview(date, DailyQuotePicker.Pick(pool, s.Channel.ToString(), date, picks)?.Quote, null);
    }

    /// <summary>Days that showed (or are showing) a quote: posted, or claimed and being posted. Failed and skipped days
    /// showed nothing, so their quotes stay in the pool.</summary>
    private static List<PastPick> Picks(IReadOnlyList<PostRecord> history) =>
        history.Where(h => h.Planned is not null && h.Status is PostStatus.Posted or PostStatus.Claimed)
            .OrderBy(h => h.LocalDate)
            .Select(h => new PastPick(h.LocalDate, h.Planned!.QuoteKey, h.Planned.Speaker, h.Planned.Cycle))
            .ToList();

    private Pool PoolOf(Subscription s)
    {
        var lib = library.Current;
        var pools = _pools.GetValue(lib, _ => new Dictionary<string, Pool>(StringComparer.Ordinal));
        var name = $"{s.Speaker}\n{s.Interview}";
        lock (pools)
        {
            if (!pools.TryGetValue(name, out var pool))
            {
                var interview = s.Interview is null ? null
                    : lib.InterviewById(s.Interview) ?? lib.Corpus.Interviews.FirstOrDefault(i => i.Metadata.Title.Equals(s.Interview, StringComparison.OrdinalIgnoreCase));
                var quotes = s.Interview is not null && interview is null ? [] : lib.Book.Matching(s.Speaker, interview?.Id);
                var byKey = new Dictionary<string, Quote>(StringComparer.Ordinal);
                foreach (var q in quotes)
                {
                    byKey.TryAdd(DailyQuotePicker.KeyOf(q), q);
                }

                pools[name] = pool = new Pool(quotes, byKey);
            }

            return pool;
        }
    }

    private sealed record Pool(IReadOnlyList<Quote> Quotes, Dictionary<string, Quote> ByKey);
}

/// <summary>A channel's quote of the day on <see cref="Date"/>; <see cref="Record"/> is the posting log's row when the
/// day has one.</summary>
internal sealed record QotdPreview(DateOnly Date, Quote? Quote, PostRecord? Record);
