namespace InterviewBot.Store;

/// <summary>Durable quote-of-the-day state: subscriptions, and the posting log that is also each channel's history.
/// Exactly-once posting rests on the log's unique key (platform, channel, local date): a day is claimed by inserting
/// its row before anything is posted.</summary>
public interface IQotdStore : IAsyncDisposable
{
    /// <summary>"sqlite" or "postgresql".</summary>
    string Kind { get; }

    /// <summary>Creates or upgrades the schema (idempotent; safe when several processes start at once).</summary>
    Task MigrateAsync(CancellationToken ct);

    /// <summary>The highest schema version applied (0 before <see cref="MigrateAsync"/>).</summary>
    Task<int> SchemaVersionAsync(CancellationToken ct);

    /// <summary>Every subscription, enabled or not, ordered by platform then channel.</summary>
    Task<IReadOnlyList<Subscription>> SubscriptionsAsync(CancellationToken ct);

    Task<Subscription?> FindSubscriptionAsync(ChannelRef channel, CancellationToken ct);

    /// <summary>Inserts or replaces the channel's subscription. The posting log is untouched.</summary>
    Task SaveSubscriptionAsync(Subscription subscription, CancellationToken ct);

    /// <summary>The channel's posting log, oldest day first.</summary>
    Task<IReadOnlyList<PostRecord>> HistoryAsync(ChannelRef channel, CancellationToken ct);

    Task<PostRecord?> FindPostAsync(ChannelRef channel, DateOnly localDate, CancellationToken ct);

    /// <summary>Claims the channel's day for posting. With no row yet, inserts a <see cref="PostStatus.Claimed"/> row
    /// with <paramref name="planned"/>, attempt 1 and a lease of <paramref name="lease"/>. With a claimed row whose lease
    /// has expired (<c>LeaseUntil &lt;= now</c>), takes it over atomically: a new token, attempt + 1, a new lease, and
    /// the row's own planned quote (not <paramref name="planned"/>). Otherwise (posted, failed, skipped, or leased to
    /// someone) returns null. Two callers racing for the same day never both get a claim.</summary>
    Task<PostClaim?> TryClaimAsync(ChannelRef channel, DateOnly localDate, PlannedPost planned, DateTimeOffset now, TimeSpan lease, CancellationToken ct);

    /// <summary>Keeps the day claimed but lets the lease run out at <paramref name="retryAt"/>, recording the error,
    /// so the next attempt (by anyone) happens then. False when the claim is no longer the caller's.</summary>
    Task<bool> RescheduleAsync(PostClaim claim, DateTimeOffset retryAt, string error, CancellationToken ct);

    /// <summary>Records the post. False when the claim is no longer the caller's.</summary>
    Task<bool> CompleteAsync(PostClaim claim, string? messageId, DateTimeOffset now, CancellationToken ct);

    /// <summary>Records that the day failed for good. False when the claim is no longer the caller's.</summary>
    Task<bool> FailAsync(PostClaim claim, string error, DateTimeOffset now, CancellationToken ct);

    /// <summary>Marks the day skipped if it has no row yet; false when it already has one.</summary>
    Task<bool> SkipAsync(ChannelRef channel, DateOnly localDate, DateTimeOffset now, CancellationToken ct);
}
