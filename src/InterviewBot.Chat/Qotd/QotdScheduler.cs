using InterviewBot.Chat.Library;
using InterviewBot.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Qotd;

/// <summary>Posts each enabled subscription's quote of the day once its local posting time has passed. Exactly once
/// per (channel, local date): a day is claimed in the store before anything is posted, and only the claim's holder
/// records the result. Only today's post is caught up after downtime: earlier days are never looked at. Replicas may
/// run side by side on one PostgreSQL store.</summary>
internal sealed partial class QotdScheduler(
    IQotdStore store,
    QotdPlanner planner,
    QotdPosting posting,
    LibraryHolder library,
    IOptions<QotdOptions> options,
    TimeProvider time,
    ILogger<QotdScheduler> logger) : BackgroundService
{
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await TickAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The store may be briefly unreachable; every decision lives in it, so trying again later is safe.
                LogTickFailed(logger, e);
                wait = options.Value.PollInterval;
            }

            try
            {
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass over the subscriptions at the current time; returns how long to sleep before the next.</summary>
    internal async Task<TimeSpan> TickAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var next = now + o.PollInterval;
        if (!library.IsLoaded)
        {
            return TimeSpan.FromSeconds(1);
        }

        foreach (var s in await store.SubscriptionsAsync(ct).ConfigureAwait(false))
        {
            if (!s.Enabled || !QotdClock.TryZone(s.TimeZone, out var zone))
            {
                continue;
            }

            var today = QotdClock.LocalDate(now, zone);
            var due = QotdClock.DueAt(today, s.LocalTime, zone);
            if (now < due)
            {
                next = Min(next, due);
                continue;
            }

            next = Min(next, QotdClock.DueAt(today.AddDays(1), s.LocalTime, zone));
            if (posting.Unavailable(s.Channel.Platform) is { } why)
            {
                WarnOnce(s.Channel, why);
                continue;
            }

            if (await DueTodayAsync(s, today, now, ct).ConfigureAwait(false) is { } retryAt)
            {
                next = Min(next, retryAt);
            }
        }

        var wait = next - time.GetUtcNow();
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
    }

    /// <summary>Claims and posts today's quote if nobody has; returns when the day wants another look (a retry).</summary>
    private async Task<DateTimeOffset?> DueTodayAsync(Subscription s, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var record = await store.FindPostAsync(s.Channel, today, ct).ConfigureAwait(false);
        if (record is not null && (record.Status != PostStatus.Claimed || record.LeaseUntil > now))
        {
            return record.Status == PostStatus.Claimed ? record.LeaseUntil : null;
        }

        var history = await store.HistoryAsync(s.Channel, ct).ConfigureAwait(false);
        var pick = planner.Plan(s, today, history);
        if (pick is null)
        {
            WarnOnce(s.Channel, "no quote matches its filters");
            return null;
        }

        var planned = new PlannedPost(pick.QuoteKey, pick.Quote.Speaker, pick.Cycle);
        var claim = await store.TryClaimAsync(s.Channel, today, planned, now, options.Value.Lease, ct).ConfigureAwait(false);
        return claim is null ? null : await posting.AttemptAsync(s, claim, ct).ConfigureAwait(false);
    }

    private void WarnOnce(ChannelRef channel, string why)
    {
        lock (_warned)
        {
            if (!_warned.Add($"{channel}|{why}"))
            {
                return;
            }
        }

        LogCannotPost(logger, channel.ToString(), why);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quote of the day for {Channel} cannot be posted: {Reason}")]
    private static partial void LogCannotPost(ILogger logger, string channel, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Quote-of-the-day scheduler pass failed; trying again shortly")]
    private static partial void LogTickFailed(ILogger logger, Exception e);
}
