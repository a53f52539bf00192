namespace InterviewBot.Chat.Operations;

/// <summary>Configuration section <c>RateLimits</c>: token buckets for chat requests, one per user and one per
/// channel on each platform. A request takes a token from both; when either is empty the bot answers (privately where
/// the platform allows) "You're asking faster than I can answer; try again in N s." instead of answering.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Apply the limits (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Each user's bucket (default 5 tokens every 10 s, burst 5).</summary>
    public TokenBucketSettings User { get; set; } = new() { TokensPerPeriod = 5, Period = TimeSpan.FromSeconds(10), Burst = 5 };

    /// <summary>Each channel's bucket, shared by everyone in it (default 20 tokens every 10 s, burst 20).</summary>
    public TokenBucketSettings Channel { get; set; } = new() { TokensPerPeriod = 20, Period = TimeSpan.FromSeconds(10), Burst = 20 };
}

/// <summary>One token bucket: it holds up to <see cref="Burst"/> tokens and gets <see cref="TokensPerPeriod"/> back
/// every <see cref="Period"/>.</summary>
public sealed class TokenBucketSettings
{
    /// <summary>Tokens added each period (1 to <see cref="Burst"/>).</summary>
    public int TokensPerPeriod { get; set; }

    /// <summary>How often tokens are added (more than zero, at most a day; hh:mm:ss).</summary>
    public TimeSpan Period { get; set; }

    /// <summary>The most tokens the bucket holds: how many requests may come at once (at least 1).</summary>
    public int Burst { get; set; }
}
