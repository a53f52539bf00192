namespace InterviewBot.Store;

/// <summary>A chat channel: <see cref="Platform"/> is "discord" or "slack" (lower case); <see cref="ChannelId"/> is
/// the platform's own id for the channel.</summary>
public sealed record ChannelRef(string Platform, string ChannelId)
{
    public const string Discord = "discord";
    public const string Slack = "slack";

    public override string ToString() => $"{Platform}:{ChannelId}";
}

/// <summary>A channel's quote-of-the-day subscription.</summary>
/// <param name="TimeZone">An IANA time zone id, e.g. "Europe/London".</param>
/// <param name="LocalTime">When to post, in <paramref name="TimeZone"/>.</param>
/// <param name="Speaker">Only quotes by this speaker, or null.</param>
/// <param name="Interview">Only quotes from this interview id, or null.</param>
/// <param name="Source">Who manages it: "chat", "config" or "cli".</param>
/// <param name="UpdatedBy">The platform user id that last changed it, when it came from chat.</param>
public sealed record Subscription(
    ChannelRef Channel,
    string TimeZone,
    TimeOnly LocalTime,
    string? Speaker,
    string? Interview,
    bool Enabled,
    string Source,
    string? UpdatedBy,
    DateTimeOffset UpdatedAt);

public enum PostStatus
{
    /// <summary>A worker owns the day until <see cref="PostRecord.LeaseUntil"/>; after that anyone may take it over
    /// (a crash, or a retry that is due).</summary>
    Claimed,
    Posted,
    /// <summary>Every attempt failed; never retried.</summary>
    Failed,
    /// <summary>Skipped on request (<c>/qotd skip</c>); nothing is posted that day.</summary>
    Skipped,
}

/// <summary>The quote chosen for a day before posting: fixed at the first claim so every attempt and every replica
/// posts the same quote.</summary>
/// <param name="QuoteKey">A stable key of the quote (see the picker).</param>
/// <param name="Cycle">Which pass over the channel's pool the quote belongs to (0, 1, …).</param>
public sealed record PlannedPost(string QuoteKey, string Speaker, int Cycle);

/// <summary>One row of the posting log: a channel's day.</summary>
public sealed record PostRecord(
    ChannelRef Channel,
    DateOnly LocalDate,
    PostStatus Status,
    PlannedPost? Planned,
    int Attempts,
    DateTimeOffset ClaimedAt,
    DateTimeOffset? LeaseUntil,
    string? MessageId,
    DateTimeOffset? PostedAt,
    string? Error);

/// <summary>Ownership of a channel's day, proven by <see cref="Token"/>: every later write for the day names the
/// token, so a worker that lost the claim (its lease ran out and someone took over) cannot record anything.</summary>
/// <param name="Attempt">1 for the first claim; each take-over adds one.</param>
/// <param name="Planned">The quote to post: the one stored with the first claim.</param>
/// <param name="FirstClaimedAt">When the day was first claimed: a post from an earlier attempt can only be newer.</param>
public sealed record PostClaim(ChannelRef Channel, DateOnly LocalDate, string Token, int Attempt, PlannedPost Planned, DateTimeOffset FirstClaimedAt);
