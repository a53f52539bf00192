using System.Data.Common;
using System.Globalization;

namespace InterviewBot.Store.Sql;

/// <summary>Maps rows to records and records to parameter values, for columns stored the same way by every dialect.</summary>
internal static class QotdRows
{
    private static readonly string[] TimeFormats = ["HH:mm:ss", "HH:mm"];

    public static Subscription Subscription(DbDataReader r, SqlDialect dialect) => new(
        new ChannelRef(r.GetString(0), r.GetString(1)),
        r.GetString(2),
        TimeOnly.ParseExact(r.GetString(3), TimeFormats, CultureInfo.InvariantCulture),
        Text(r, 4),
        Text(r, 5),
        r.GetBoolean(6),
        r.GetString(7),
        Text(r, 8),
        dialect.ReadInstant(r, 9));

    public static PostRecord Post(DbDataReader r, SqlDialect dialect) => new(
        new ChannelRef(r.GetString(0), r.GetString(1)),
        dialect.ReadDate(r, 2),
        Status(r.GetString(3)),
        r.IsDBNull(4) ? null : new PlannedPost(r.GetString(4), r.GetString(5), r.GetInt32(6)),
        r.GetInt32(7),
        dialect.ReadInstant(r, 8),
        r.IsDBNull(9) ? null : dialect.ReadInstant(r, 9),
        Text(r, 10),
        r.IsDBNull(11) ? null : dialect.ReadInstant(r, 11),
        Text(r, 12));

    public static string LocalTime(TimeOnly time) => time.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Instants are kept to the millisecond, in UTC, by every dialect.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());

    private static string? Text(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static PostStatus Status(string text) => text switch
    {
        "claimed" => PostStatus.Claimed,
        "posted" => PostStatus.Posted,
        "failed" => PostStatus.Failed,
        "skipped" => PostStatus.Skipped,
        _ => throw new InvalidDataException($"unknown qotd_posts.status '{text}'"),
    };
}
