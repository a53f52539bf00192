using InterviewBot.Store.Sql;
using Npgsql;

namespace InterviewBot.Store;

/// <summary>The quote-of-the-day store in PostgreSQL (several replicas may share it). Tables are unqualified, so the
/// connection string's Search Path picks the schema. Call <see cref="MigrateAsync"/> before anything else.</summary>
public sealed class PostgresQotdStore : IQotdStore
{
    private readonly SqlQotdStore _store;

    /// <summary>Uses the database <paramref name="connectionString"/> names (an Npgsql connection string). Nothing
    /// connects until the first operation.</summary>
    /// <exception cref="ArgumentException">The connection string cannot be parsed.</exception>
    public PostgresQotdStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _store = new SqlQotdStore(new PostgresDialect(NpgsqlDataSource.Create(connectionString)));
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
