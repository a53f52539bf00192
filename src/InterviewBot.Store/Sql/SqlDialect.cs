using System.Data.Common;

namespace InterviewBot.Store.Sql;

/// <summary>What differs between the databases behind <see cref="SqlQotdStore"/>: connections, the migration lock,
/// and how instants and dates are stored.</summary>
internal abstract class SqlDialect : IAsyncDisposable
{
    /// <summary>"sqlite" or "postgresql".</summary>
    public abstract string Kind { get; }

    /// <summary>The column type of instants in DDL.</summary>
    public abstract string InstantType { get; }

    /// <summary>The column type of local dates in DDL.</summary>
    public abstract string DateType { get; }

    /// <summary>A query whose single boolean-ish value says whether table <c>schema_version</c> exists.</summary>
    public abstract string SchemaVersionExistsSql { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>Begins the migration transaction, holding a lock no other migration can hold at once.</summary>
    public abstract Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken ct);

    /// <summary>A parameter value for an instant (already truncated to milliseconds and in UTC).</summary>
    public abstract object Instant(DateTimeOffset value);

    public abstract DateTimeOffset ReadInstant(DbDataReader reader, int ordinal);

    public abstract object Date(DateOnly value);

    public abstract DateOnly ReadDate(DbDataReader reader, int ordinal);

    public abstract ValueTask DisposeAsync();
}
