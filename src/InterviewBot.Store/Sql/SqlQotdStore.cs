using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;

namespace InterviewBot.Store.Sql;

/// <summary><see cref="IQotdStore"/> over any <see cref="SqlDialect"/>: one connection per operation, and every
/// race settled by a single statement (the posting log's primary key, or a compare-and-set UPDATE).</summary>
internal sealed partial class SqlQotdStore(SqlDialect dialect) : IQotdStore
{
    public string Kind => dialect.Kind;

    public Task MigrateAsync(CancellationToken ct) => RunAsync(async connection =>
    {
        var transaction = await dialect.BeginMigrationAsync(connection, ct).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await ExecuteAsync(connection, transaction, QotdSchema.For(dialect, QotdSchema.CreateVersionTable), _ => { }, ct).ConfigureAwait(false);
            var current = await CurrentVersionAsync(connection, transaction, ct).ConfigureAwait(false);
            foreach (var (version, sql) in QotdSchema.Migrations.Where(m => m.Version > current))
            {
                await ExecuteAsync(connection, transaction, QotdSchema.For(dialect, sql), _ => { }, ct).ConfigureAwait(false);
                var now = dialect.Instant(QotdRows.Truncate(DateTimeOffset.UtcNow));
                await ExecuteAsync(connection, transaction, QotdSql.RecordVersion, c => c.With("version", version).With("now", now), ct).ConfigureAwait(false);
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }

        return true;
    }, ct);

    public Task<int> SchemaVersionAsync(CancellationToken ct) => RunAsync(async connection =>
    {
        using var exists = Command(connection, null, dialect.SchemaVersionExistsSql, _ => { });
        var found = Convert.ToBoolean(await exists.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
        return found ? await CurrentVersionAsync(connection, null, ct).ConfigureAwait(false) : 0;
    }, ct);

    public async Task<IReadOnlyList<Subscription>> SubscriptionsAsync(CancellationToken ct) =>
        await QueryAsync(QotdSql.Subscriptions, _ => { }, QotdRows.Subscription, ct).ConfigureAwait(false);

    public async Task<Subscription?> FindSubscriptionAsync(ChannelRef channel, CancellationToken ct) =>
        (await QueryAsync(QotdSql.FindSubscription, c => c.WithChannel(channel), QotdRows.Subscription, ct).ConfigureAwait(false))
            .SingleOrDefault();

    public Task SaveSubscriptionAsync(Subscription subscription, CancellationToken ct) =>
        ExecuteAsync(QotdSql.SaveSubscription, c => c.WithChannel(subscription.Channel)
            .With("time_zone", subscription.TimeZone)
            .With("local_time", QotdRows.LocalTime(subscription.LocalTime))
            .With("speaker", subscription.Speaker)
            .With("interview", subscription.Interview)
            .With("enabled", subscription.Enabled)
            .With("source", subscription.Source)
            .With("updated_by", subscription.UpdatedBy)
            .With("updated_at", Instant(subscription.UpdatedAt)), ct);

    public ValueTask DisposeAsync() => dialect.DisposeAsync();

    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private object Instant(DateTimeOffset value) => dialect.Instant(QotdRows.Truncate(value));

    private async Task<T> RunAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken ct)
    {
        var connection = await dialect.OpenAsync(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await work(connection).ConfigureAwait(false);
        }
    }

    private Task<int> ExecuteAsync(string sql, Action<DbCommand> bind, CancellationToken ct) =>
        RunAsync(connection => ExecuteAsync(connection, null, sql, bind, ct), ct);

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, Action<DbCommand> bind, CancellationToken ct)
    {
        using var command = Command(connection, transaction, sql, bind);
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private Task<List<T>> QueryAsync<T>(string sql, Action<DbCommand> bind, Func<DbDataReader, SqlDialect, T> read, CancellationToken ct) =>
        RunAsync(async connection =>
        {
            using var command = Command(connection, null, sql, bind);
            return await ReadAllAsync(command, r => read(r, dialect), ct).ConfigureAwait(false);
        }, ct);

    private static async Task<List<T>> ReadAllAsync<T>(DbCommand command, Func<DbDataReader, T> read, CancellationToken ct)
    {
        var rows = new List<T>();
        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                rows.Add(read(reader));
            }
        }

        return rows;
    }

    private static async Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        using var command = Command(connection, transaction, QotdSql.CurrentVersion, _ => { });
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, Action<DbCommand> bind)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        bind(command);
        return command;
    }
}
