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
            return new SqliteQotdStore(options.SqlitePath());
        }

        try
        {
            return new PostgresQotdStore(options.PostgreSQL);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{PostgreSQLSetting} is not a valid Npgsql connection string ({Describe(e)}).");
        }
    }

    /// <summary>What was wrong, without any part of the value: Npgsql names a bad keyword, never a password.</summary>
    private static string Describe(ArgumentException e) =>
        e.ParamName is { Length: > 0 } keyword && !keyword.Contains("password", StringComparison.OrdinalIgnoreCase)
            ? $"bad or unknown keyword '{keyword}'"
            : "malformed";
}
