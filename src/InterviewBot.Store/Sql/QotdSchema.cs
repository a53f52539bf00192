namespace InterviewBot.Store.Sql;

/// <summary>The numbered migrations. A migration is never edited once released: add the next number instead.
/// <c>{instant}</c> and <c>{date}</c> stand for the dialect's column types.</summary>
internal static class QotdSchema
{
    public const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER NOT NULL PRIMARY KEY,
            applied_at {instant} NOT NULL)
        """;

    public static IReadOnlyList<(int Version, string Sql)> Migrations { get; } =
    [
        (1, """
            CREATE TABLE qotd_subscriptions (
                platform TEXT NOT NULL,
                channel_id TEXT NOT NULL,
                time_zone TEXT NOT NULL,
                local_time TEXT NOT NULL,
                speaker TEXT NULL,
                interview TEXT NULL,
                enabled BOOLEAN NOT NULL,
                source TEXT NOT NULL,
                updated_by TEXT NULL,
                updated_at {instant} NOT NULL,
                PRIMARY KEY (platform, channel_id));
            CREATE TABLE qotd_posts (
                platform TEXT NOT NULL,
                channel_id TEXT NOT NULL,
                local_date {date} NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'failed', 'skipped')),
                quote_key TEXT NULL,
                speaker TEXT NULL,
                cycle INTEGER NULL,
                attempts INTEGER NOT NULL,
                claim_token TEXT NULL,
                claimed_at {instant} NOT NULL,
                lease_until {instant} NULL,
                message_id TEXT NULL,
                posted_at {instant} NULL,
                error TEXT NULL,
                PRIMARY KEY (platform, channel_id, local_date));
            """),
    ];

    /// <summary>The version <see cref="Migrations"/> bring a database to.</summary>
    public static int Latest => Migrations[^1].Version;

    public static string For(SqlDialect dialect, string sql) =>
        sql.Replace("{instant}", dialect.InstantType, StringComparison.Ordinal)
            .Replace("{date}", dialect.DateType, StringComparison.Ordinal);
}
