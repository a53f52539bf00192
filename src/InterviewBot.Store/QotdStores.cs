using InterviewBot.Store.Sql;
using Npgsql;

namespace InterviewBot.Store;

/// <summary>Opens the quote-of-the-day store a <see cref="StoreOptions"/> names.</summary>
public static class QotdStores
{
    /// <summary>The setting that selects PostgreSQL, as configuration spells it.</summary>
    public const string PostgreSQLSetting = StoreOptions.SectionName + ":" + nameof(StoreOptions.PostgreSQL);

    /// <summary>PostgreSQL when <see cref="StoreOptions.PostgreSQL"/> is set, else SQLite at
    /// <see cref="StoreOptions.SqlitePath"/>. Connects lazily; the caller runs <see cref="IQotdStore.MigrateAsync"/>.</summary>
    /// <exception cref="InvalidOperationException">The PostgreSQL connection string cannot be parsed (the message
    /// names the setting, never its value).</exception>
    public static IQotdStore Open(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.PostgreSQL))
        {
            return Sqlite(options.SqlitePath());
        }

        try
        {
            return Postgres(options.PostgreSQL);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{PostgreSQLSetting} is not a valid Npgsql connection string ({Describe(e)}).");
        }
    }

    /// <summary>A store in the SQLite file at <paramref name="path"/> (created on first write, with its directory).
    /// WAL and a busy timeout let several processes or instances share the file.</summary>
    public static IQotdStore Sqlite(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new SqlQotdStore(new SqliteDialect(path));
    }

    /// <summary>A store in the PostgreSQL database an Npgsql connection string names; several replicas may share it.
    /// Tables are unqualified, so the connection string's Search Path picks the schema. Nothing connects until the
    /// first operation.</summary>
    /// <exception cref="ArgumentException">The connection string cannot be parsed.</exception>
    public static IQotdStore Postgres(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new SqlQotdStore(new PostgresDialect(NpgsqlDataSource.Create(connectionString)));
    }

    /// <summary>What was wrong, without any part of the value: Npgsql names a bad keyword, never a password.</summary>
    private static string Describe(ArgumentException e) =>
        e.ParamName is { Length: > 0 } keyword && !keyword.Contains("password", StringComparison.OrdinalIgnoreCase)
            ? $"bad or unknown keyword '{keyword}'"
            : "malformed";
}
