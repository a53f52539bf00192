using System.Data.Common;
using Npgsql;

namespace InterviewBot.Store.Sql;

/// <summary>PostgreSQL through an <see cref="NpgsqlDataSource"/>: instants as timestamptz, dates as date. Table names
/// are unqualified, so the connection string's Search Path picks the schema.</summary>
internal sealed class PostgresDialect(NpgsqlDataSource source) : SqlDialect
{
    /// <summary>First key of the migration advisory lock (the second is the schema's hash).</summary>
    private const int MigrationLockKey = 0x51_07_D0;

    public override string Kind => "postgresql";

    public override string InstantType => "timestamptz";

    public override string DateType => "date";

    public override string SchemaVersionExistsSql => "SELECT to_regclass('schema_version') IS NOT NULL";

    public override async Task<DbConnection> OpenAsync(CancellationToken ct) =>
        await source.OpenConnectionAsync(ct).ConfigureAwait(false);

    public override async Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken ct)
    {
        var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        try
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            // Held until commit: a second migrator waits here, then finds the schema up to date.
            command.CommandText = $"SELECT pg_advisory_xact_lock({MigrationLockKey}, hashtext(COALESCE(current_schema(), '')))";
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Npgsql writes timestamptz only from UTC values.</summary>
    public override object Instant(DateTimeOffset value) => value.ToUniversalTime();

    public override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public override object Date(DateOnly value) => value;

    public override DateOnly ReadDate(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateOnly>(ordinal);

    public override ValueTask DisposeAsync() => source.DisposeAsync();
}
