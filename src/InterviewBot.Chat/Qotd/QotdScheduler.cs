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
    private readonly HashSet<string> _scanned = new(StringComparer.Ordinal);

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

    /// <summary>One pass over the subscriptions at the current time; returns how long to sleep before the next.
    /// The clock is read afresh for each channel: a lease must start when its claim is made, not when the pass began.</summary>
    internal async Task<TimeSpan> TickAsync(CancellationToken ct)
    {
        var next = time.GetUtcNow() + options.Value.PollInterval;
        if (!library.IsLoaded)
        {
            return TimeSpan.FromSeconds(1);
        }

        foreach (var s in await store.SubscriptionsAsync(ct).ConfigureAwait(false))
        {
            if (!QotdClock.TryZone(s.TimeZone, out var zone))
            {
                continue;
            }

            var now = time.GetUtcNow();
            var today = QotdClock.LocalDate(now, zone);
            if (posting.Unavailable(s.Channel.Platform) is { } why)
            {
                if (s.Enabled && now >= QotdClock.DueAt(today, s.LocalTime, zone))
                {
                    WarnOnce(s.Channel, why);
                }

                continue;
            }

            next = Min(next, await UnfinishedAsync(s, today, ct).ConfigureAwait(false) ?? next);
            if (!s.Enabled)
            {
                continue;
            }

            var due = QotdClock.DueAt(today, s.LocalTime, zone);
            if (now < due)
            {
                next = Min(next, due);
                continue;
            }

            next = Min(next, QotdClock.DueAt(today.AddDays(1), s.LocalTime, zone));
            if (await DueTodayAsync(s, today, ct).ConfigureAwait(false) is { } retryAt)
            {
                next = Min(next, retryAt);
            }
        }

        var wait = next - time.GetUtcNow();
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
    }

    /// <summary>Claims and posts today's quote if nobody has; returns when the day wants another look (a retry).</summary>
    private async Task<DateTimeOffset?> DueTodayAsync(Subscription s, DateOnly today, CancellationToken ct)
    {
        var record = await store.FindPostAsync(s.Channel, today, ct).ConfigureAwait(false);
        if (record is not null)
        {
            return record.Status == PostStatus.Claimed ? await ResumeAsync(s, record, settle: false, ct).ConfigureAwait(false) : null;
        }

        var history = await store.HistoryAsync(s.Channel, ct).ConfigureAwait(false);
        if (history.Any(h => h.LocalDate > today && h.Status is PostStatus.Posted or PostStatus.Claimed))
        {
            return null; // the channel moved to a zone behind its old one: a later day already has its post
        }

        var pick = planner.Plan(s, today, history);
        if (pick is null)
        {
            WarnOnce(s.Channel, "no quote matches its filters");
            return null;
        }

        var planned = new PlannedPost(pick.QuoteKey, pick.Quote.Speaker, pick.Cycle);
        var claim = await store.TryClaimAsync(s.Channel, today, planned, time.GetUtcNow(), options.Value.Lease, ct).ConfigureAwait(false);
        return claim is null ? null : await posting.AttemptAsync(s, claim, ct).ConfigureAwait(false);
    }

    /// <summary>Days claimed earlier and not finished. Yesterday's goes on (its retries, or a take-over after a crash)
    /// past local midnight; a claimed day older than that (the bot was down across it), or any claimed day of a
    /// subscription switched off, is settled without posting: recorded as posted if its post is found in the channel,
    /// else as failed. Older days are looked for once per channel per run.</summary>
    private async Task<DateTimeOffset?> UnfinishedAsync(Subscription s, DateOnly today, CancellationToken ct)
    {
        DateTimeOffset? next = null;
        if (await store.FindPostAsync(s.Channel, today.AddDays(-1), ct).ConfigureAwait(false) is { Status: PostStatus.Claimed } yesterday)
        {
            next = await ResumeAsync(s, yesterday, settle: !s.Enabled, ct).ConfigureAwait(false);
        }

        if (!s.Enabled && await store.FindPostAsync(s.Channel, today, ct).ConfigureAwait(false) is { Status: PostStatus.Claimed } current
            && await ResumeAsync(s, current, settle: true, ct).ConfigureAwait(false) is { } lease)
        {
            next = next is { } n ? Min(n, lease) : lease;
        }

        bool first;
        lock (_scanned)
        {
            first = _scanned.Add(s.Channel.ToString());
        }

        if (first)
        {
            foreach (var old in (await store.HistoryAsync(s.Channel, ct).ConfigureAwait(false)).Where(h => h.Status == PostStatus.Claimed && h.LocalDate < today.AddDays(-1)))
            {
                await ResumeAsync(s, old, settle: true, ct).ConfigureAwait(false);
            }
        }

        return next;
    }

    /// <summary>Takes over a claimed day once its lease has run out, then attempts it (or only settles it).</summary>
    private async Task<DateTimeOffset?> ResumeAsync(Subscription s, PostRecord record, bool settle, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (record.LeaseUntil > now)
        {
            return record.LeaseUntil;
        }

        var claim = await store.TryClaimAsync(s.Channel, record.LocalDate, record.Planned!, now, options.Value.Lease, ct).ConfigureAwait(false);
        if (claim is null)
        {
            return null;
        }

        return settle
            ? await posting.SettleAsync(s, claim, s.Enabled ? "the bot was down until after the next day" : "the subscription was switched off", ct).ConfigureAwait(false)
            : await posting.AttemptAsync(s, claim, ct).ConfigureAwait(false);
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
