using InterviewBot.Store.Sql;

namespace InterviewBot.Store;

/// <summary>The quote-of-the-day store in a SQLite file (WAL, with a busy timeout: several processes or instances
/// may share the file). Call <see cref="MigrateAsync"/> before anything else.</summary>
public sealed class SqliteQotdStore : IQotdStore
{
    private readonly SqlQotdStore _store;

    /// <summary>Opens (creating on first write) the database file at <paramref name="path"/>, creating its
    /// directory.</summary>
    public SqliteQotdStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _store = new SqlQotdStore(new SqliteDialect(path));
    }

    /// <inheritdoc />
    public string Kind => _store.Kind;

    /// <inheritdoc />
    public Task MigrateAsync(CancellationToken ct) => _store.MigrateAsync(ct);

    /// <inheritdoc />
    public Task<int> SchemaVersionAsync(CancellationToken ct) => _store.SchemaVersionAsync(ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<Subscription>> SubscriptionsAsync(CancellationToken ct) => _store.SubscriptionsAsync(ct);

    /// <inheritdoc />
    public Task<Subscription?> FindSubscriptionAsync(ChannelRef channel, CancellationToken ct) => _store.FindSubscriptionAsync(channel, ct);

    /// <inheritdoc />
    public Task SaveSubscriptionAsync(Subscription subscription, CancellationToken ct) => _store.SaveSubscriptionAsync(subscription, ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<PostRecord>> HistoryAsync(ChannelRef channel, CancellationToken ct) => _store.HistoryAsync(channel, ct);

    /// <inheritdoc />
    public Task<PostRecord?> FindPostAsync(ChannelRef channel, DateOnly localDate, CancellationToken ct) =>
        _store.FindPostAsync(channel, localDate, ct);

    /// <inheritdoc />
    public Task<PostClaim?> TryClaimAsync(ChannelRef channel, DateOnly localDate, PlannedPost planned, DateTimeOffset now, TimeSpan lease, CancellationToken ct) =>
        _store.TryClaimAsync(channel, localDate, planned, now, lease, ct);

    /// <inheritdoc />
    public Task<bool> RescheduleAsync(PostClaim claim, DateTimeOffset retryAt, string error, CancellationToken ct) =>
        _store.RescheduleAsync(claim, retryAt, error, ct);

    /// <inheritdoc />
    public Task<bool> CompleteAsync(PostClaim claim, string? messageId, DateTimeOffset now, CancellationToken ct) =>
        _store.CompleteAsync(claim, messageId, now, ct);

    /// <inheritdoc />
    public Task<bool> FailAsync(PostClaim claim, string error, DateTimeOffset now, CancellationToken ct) => _store.FailAsync(claim, error, now, ct);

    /// <inheritdoc />
    public Task<bool> SkipAsync(ChannelRef channel, DateOnly localDate, DateTimeOffset now, CancellationToken ct) =>
        _store.SkipAsync(channel, localDate, now, ct);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _store.DisposeAsync();
}
