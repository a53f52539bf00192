using System.Globalization;
using System.Text;
using InterviewBot.Store;

namespace InterviewBot.Chat.Qotd;

/// <summary>Describes a subscription in words, for <c>/qotd status</c> and the command line.</summary>
internal static class QotdStatus
{
    public static async Task<string> DescribeAsync(IQotdStore store, QotdPlanner planner, Subscription s, DateTimeOffset now, CancellationToken ct)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Quote of the day {(s.Enabled ? "is on" : "is off")}: {s.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture)} {s.TimeZone}{Filters(s)}");
        text.Append(s.Source == "config" ? " (set in configuration)." : ".");
        if (s.Enabled)
        {
            text.Append(CultureInfo.InvariantCulture, $" Next: {Next(s, now)}.");
        }

        var history = await store.HistoryAsync(s.Channel, ct).ConfigureAwait(false);
        QotdClock.TryZone(s.TimeZone, out var zone);
        var today = QotdClock.LocalDate(now, zone);
        if (history.LastOrDefault(h => h.LocalDate <= today) is { } last)
        {
            text.Append(CultureInfo.InvariantCulture, $" Last: {Day(last.LocalDate)}, {Describe(last)}.");
        }

        if (history.Where(h => h.LocalDate > today && h.Status == PostStatus.Skipped).Select(h => Day(h.LocalDate)).ToList() is { Count: > 0 } skips)
        {
            text.Append(CultureInfo.InvariantCulture, $" Skipping: {string.Join(", ", skips)}.");
        }

        var pool = planner.PoolFor(s);
        var cycle = history.Where(h => h.Planned is not null && h.Status is PostStatus.Posted or PostStatus.Claimed).Select(h => h.Planned!).ToList();
        if (cycle.Count > 0)
        {
            var current = cycle.Max(p => p.Cycle);
            text.Append(CultureInfo.InvariantCulture, $" {cycle.Count(p => p.Cycle == current)} of {pool.Count} quotes used in this cycle.");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $" {pool.Count} quotes to choose from.");
        }

        return text.ToString();
    }

    public static string Filters(Subscription s) => (s.Speaker, s.Interview) switch
    {
        (null, null) => "",
        ({ } sp, null) => $", quotes by {sp}",
        (null, { } iv) => $", quotes from {iv}",
        var (sp, iv) => $", quotes by {sp} from {iv}",
    };

    /// <summary>When the next post is due, in the channel's time zone.</summary>
    public static string Next(Subscription s, DateTimeOffset now)
    {
        QotdClock.TryZone(s.TimeZone, out var zone);
        var due = QotdClock.DueAt(NextDay(s, now), s.LocalTime, zone);
        return $"{Day(QotdClock.LocalDate(due, zone))} at {TimeZoneInfo.ConvertTime(due, zone).ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    /// <summary>Today when its posting time is still ahead, else tomorrow (local dates).</summary>
    public static DateOnly NextDay(Subscription s, DateTimeOffset now)
    {
        QotdClock.TryZone(s.TimeZone, out var zone);
        var today = QotdClock.LocalDate(now, zone);
        return now < QotdClock.DueAt(today, s.LocalTime, zone) ? today : today.AddDays(1);
    }

    private static string Describe(PostRecord r) => r.Status switch
    {
        PostStatus.Posted => "posted",
        PostStatus.Skipped => "skipped",
        PostStatus.Failed => $"failed after {r.Attempts} attempt(s): {r.Error}",
        _ => r.Error is null ? "posting" : $"retrying after: {r.Error}",
    };

    private static string Day(DateOnly d) => d.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
}
