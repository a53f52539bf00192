using InterviewBot.Chat.Commands;
using InterviewBot.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Qotd;

/// <summary>One attempt at a claimed day: post, record, or schedule the retry. A retry (attempt 2 on) first asks the
/// platform whether an earlier attempt's post landed (a crash after posting, or a response lost to a timeout) and
/// records that post instead of posting again. With <paramref name="metrics"/>, days recorded as posted and as failed
/// are counted per platform.</summary>
internal sealed partial class QotdPosting(
    IQotdStore store,
    QotdPlanner planner,
    IEnumerable<IQotdPoster> posters,
    IOptions<QotdOptions> options,
    TimeProvider time,
    ILogger<QotdPosting> logger,
    Operations.BotMetrics? metrics = null)
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(30);

    /// <summary>A post from an earlier attempt is looked for from this long before the first claim (clock skew).</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, IQotdPoster> _posters = posters.ToDictionary(p => p.Platform, StringComparer.Ordinal);

    /// <summary>Why the platform cannot post, or null when it can.</summary>
    public string? Unavailable(string platform) =>
        _posters.TryGetValue(platform, out var p) ? p.Unavailable
        : platform == ChannelRef.Discord ? "Discord is not configured (Discord:BotToken)"
        : platform == ChannelRef.Slack ? "Slack is not configured (Slack:BotToken)"
        : $"{platform} is not a platform this bot posts to";

    /// <summary>Returns when the day should be looked at again (a scheduled retry), or null when it is settled.</summary>
    public async Task<DateTimeOffset?> AttemptAsync(Subscription s, PostClaim claim, CancellationToken ct)
    {
        var poster = _posters[s.Channel.Platform];
        var heading = QotdPlanner.Heading(claim.LocalDate);
        var quote = planner.Find(s, claim.Planned.QuoteKey);
        if (quote is null)
        {
            await FailAsync(claim, "the planned quote is no longer in the corpus", ct).ConfigureAwait(false);
            return null;
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attempt.CancelAfter(options.Value.AttemptTimeout);
        try
        {
            string? id = null;
            if (claim.Attempt > 1)
            {
                id = await FindEarlierAsync(poster, claim, heading, attempt.Token).ConfigureAwait(false);
            }

            var recovered = id is not null;
            id ??= await poster.PostAsync(s.Channel.ChannelId, new ChatReply { Heading = heading, Quotes = [quote] }, attempt.Token).ConfigureAwait(false);
            if (await store.CompleteAsync(claim, id, time.GetUtcNow(), ct).ConfigureAwait(false))
            {
                metrics?.QotdPosted(claim.Channel.Platform);
                LogPosted(logger, claim.Channel.ToString(), claim.LocalDate, claim.Attempt, recovered);
            }
            else
            {
                LogClaimLost(logger, claim.Channel.ToString(), claim.LocalDate);
            }

            return null;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw; // shutting down: the lease runs out and the day is taken over
        }
        catch (Exception e)
        {
            var failure = e as QotdPostException ?? new QotdPostException(
                e is OperationCanceledException ? $"no answer within {options.Value.AttemptTimeout.TotalSeconds:0} s" : e.Message, permanent: false, inner: e);
            return await FailedAttemptAsync(claim, failure, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Ends a claimed day that will not be posted (see the scheduler): recorded as posted when an earlier
    /// attempt's post is found in the channel, else as failed with <paramref name="reason"/>.</summary>
    public async Task<DateTimeOffset?> SettleAsync(Subscription s, PostClaim claim, string reason, CancellationToken ct)
    {
        var poster = _posters[s.Channel.Platform];
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attempt.CancelAfter(options.Value.AttemptTimeout);
        string? id;
        try
        {
            id = await poster.FindPostedAsync(claim.Channel.ChannelId, QotdPlanner.Heading(claim.LocalDate), claim.FirstClaimedAt - Slack, attempt.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is QotdPostException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            id = null;
            reason += $"; could not check the channel: {e.Message}";
        }

        if (id is not null)
        {
            await store.CompleteAsync(claim, id, time.GetUtcNow(), ct).ConfigureAwait(false);
            metrics?.QotdPosted(claim.Channel.Platform);
            LogPosted(logger, claim.Channel.ToString(), claim.LocalDate, claim.Attempt, true);
        }
        else
        {
            await FailAsync(claim, reason, ct).ConfigureAwait(false);
        }

        return null;
    }

    private async Task<string?> FindEarlierAsync(IQotdPoster poster, PostClaim claim, string heading, CancellationToken ct)
    {
        try
        {
            return await poster.FindPostedAsync(claim.Channel.ChannelId, heading, claim.FirstClaimedAt - Slack, ct).ConfigureAwait(false);
        }
        catch (QotdPostException e) when (e.Permanent)
        {
            // Without read access the bot cannot tell; posting risks a duplicate, not posting a lost day. (A transient
            // failure is thrown on: the attempt is retried and checks again.)
            LogCannotCheck(logger, claim.Channel.ToString(), claim.LocalDate, e.Message);
            return null;
        }
    }

    private async Task<DateTimeOffset?> FailedAttemptAsync(PostClaim claim, QotdPostException e, CancellationToken ct)
    {
        var o = options.Value;
        if (e.Permanent || claim.Attempt >= o.MaxAttempts)
        {
            await FailAsync(claim, e.Message, ct).ConfigureAwait(false);
            return null;
        }

        var delay = o.RetryDelay * Math.Pow(2, claim.Attempt - 1);
        delay = delay > MaxRetryDelay ? MaxRetryDelay : delay;
        if (e.RetryAfter is { } after && after > delay)
        {
            delay = after;
        }

        var retryAt = time.GetUtcNow() + delay;
        LogRetrying(logger, claim.Channel.ToString(), claim.LocalDate, claim.Attempt, e.Message, delay.TotalSeconds);
        return await store.RescheduleAsync(claim, retryAt, e.Message, ct).ConfigureAwait(false) ? retryAt : null;
    }

    private async Task FailAsync(PostClaim claim, string error, CancellationToken ct)
    {
        await store.FailAsync(claim, error, time.GetUtcNow(), ct).ConfigureAwait(false);
        metrics?.QotdFailed(claim.Channel.Platform);
        LogFailed(logger, claim.Channel.ToString(), claim.LocalDate, claim.Attempt, error);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Quote of the day posted to {Channel} for {Date} (attempt {Attempt}, found from an earlier attempt: {Recovered})")]
    private static partial void LogPosted(ILogger logger, string channel, DateOnly date, int attempt, bool recovered);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quote of the day for {Channel} on {Date}: attempt {Attempt} failed ({Error}); retrying in {Seconds:0} s")]
    private static partial void LogRetrying(ILogger logger, string channel, DateOnly date, int attempt, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Quote of the day for {Channel} on {Date} FAILED after {Attempt} attempt(s): {Error}")]
    private static partial void LogFailed(ILogger logger, string channel, DateOnly date, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quote of the day for {Channel} on {Date}: the claim passed to another replica before the post was recorded")]
    private static partial void LogClaimLost(ILogger logger, string channel, DateOnly date);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quote of the day for {Channel} on {Date}: cannot check whether an earlier attempt posted ({Error}); posting (grant the bot read access to the channel's history to rule out duplicates)")]
    private static partial void LogCannotCheck(ILogger logger, string channel, DateOnly date, string error);
}
