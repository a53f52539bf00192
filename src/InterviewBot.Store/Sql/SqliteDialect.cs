using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace InterviewBot.Store.Sql;

/// <summary>SQLite: WAL and a busy timeout so several processes can share the file; instants as INTEGER unix
/// milliseconds, dates as TEXT yyyy-MM-dd.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    private const string DateFormat = "yyyy-MM-dd";
    private readonly string _connectionString;
    private volatile bool _walChecked;

    public SqliteDialect(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
    }

    public override string Kind => "sqlite";

    public override string InstantType => "INTEGER";

    public override string DateType => "TEXT";

    public override string SchemaVersionExistsSql =>
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version')";

    public override async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            using var pragma = connection.CreateCommand();
            // journal_mode is stored in the file: once per store is enough, and harmless when already WAL.
            pragma.CommandText = _walChecked ? "PRAGMA busy_timeout = 5000" : "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL";
            await pragma.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            _walChecked = true;
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken ct) =>
        // BEGIN IMMEDIATE: takes the write lock at once, so a second migrator waits and then sees the new version.
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override object Instant(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) =>
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public override object Date(DateOnly value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    public override DateOnly ReadDate(DbDataReader reader, int ordinal) =>
        DateOnly.ParseExact(reader.GetString(ordinal), DateFormat, CultureInfo.InvariantCulture);

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; a disposed store lets go of it.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
