using System.Threading.RateLimiting;
using InterviewBot.Chat.Commands;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Operations;

/// <summary>Why a request was turned away: the bucket that ran out ("user" or "channel") and when to try again.</summary>
internal sealed record RateLimitRefusal(string Scope, TimeSpan RetryAfter)
{
    /// <summary>What the bot answers instead: a whole number of seconds, at least 1.</summary>
    public string Message => $"You're asking faster than I can answer; try again in {Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds))} s.";
}

/// <summary>Per-user and per-channel token buckets (<see cref="RateLimitOptions"/>) on
/// <see cref="PartitionedRateLimiter"/>s of <see cref="TokenBucketRateLimiter"/>s, partitioned by platform and id. The
/// user's bucket is asked first, so one user's burst does not drain the channel. A context without a user (or channel)
/// id is not limited on that dimension. The buckets refill on the runtime's own clock (the rate limiter takes no
/// <see cref="TimeProvider"/>).</summary>
internal sealed class ChatRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<ChatContext> _users;
    private readonly PartitionedRateLimiter<ChatContext> _channels;

    public ChatRateLimiter(IOptions<RateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _users = Create(o.Enabled ? o.User : null, c => c.UserId);
        _channels = Create(o.Enabled ? o.Channel : null, c => c.ChannelId);
    }

    /// <summary>Takes a token from the user's and the channel's bucket; null when the request may go ahead.</summary>
    public RateLimitRefusal? TryAcquire(ChatContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Take(_users, context, "user") ?? Take(_channels, context, "channel");
    }

    public void Dispose()
    {
        _users.Dispose();
        _channels.Dispose();
    }

    private static RateLimitRefusal? Take(PartitionedRateLimiter<ChatContext> limiter, ChatContext context, string scope)
    {
        using var lease = limiter.AttemptAcquire(context);
        if (lease.IsAcquired)
        {
            return null;
        }

        return new RateLimitRefusal(scope, lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1));
    }

    private static PartitionedRateLimiter<ChatContext> Create(TokenBucketSettings? bucket, Func<ChatContext, string?> id) =>
        PartitionedRateLimiter.Create<ChatContext, string>(context => id(context) is { } key && bucket is not null
            ? RateLimitPartition.GetTokenBucketLimiter(context.Platform + "/" + key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = bucket.Burst,
                TokensPerPeriod = bucket.TokensPerPeriod,
                ReplenishmentPeriod = bucket.Period,
                QueueLimit = 0,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(""));
}
