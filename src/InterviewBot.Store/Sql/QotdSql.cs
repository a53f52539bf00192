namespace InterviewBot.Store.Sql;

/// <summary>The statements both dialects share (named parameters, <c>ON CONFLICT</c>, <c>RETURNING</c>).</summary>
internal static class QotdSql
{
    public const string CurrentVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_version";

    public const string RecordVersion = "INSERT INTO schema_version (version, applied_at) VALUES (@version, @now)";

    private const string SubscriptionColumns =
        "platform, channel_id, time_zone, local_time, speaker, interview, enabled, source, updated_by, updated_at";

    public const string Subscriptions = $"SELECT {SubscriptionColumns} FROM qotd_subscriptions ORDER BY platform, channel_id";

    public const string FindSubscription =
        $"SELECT {SubscriptionColumns} FROM qotd_subscriptions WHERE platform = @platform AND channel_id = @channel";

    public const string SaveSubscription = $"""
        INSERT INTO qotd_subscriptions ({SubscriptionColumns})
        VALUES (@platform, @channel, @time_zone, @local_time, @speaker, @interview, @enabled, @source, @updated_by, @updated_at)
        ON CONFLICT (platform, channel_id) DO UPDATE SET
            time_zone = excluded.time_zone, local_time = excluded.local_time, speaker = excluded.speaker,
            interview = excluded.interview, enabled = excluded.enabled, source = excluded.source,
            updated_by = excluded.updated_by, updated_at = excluded.updated_at
        """;

    private const string PostColumns =
        "platform, channel_id, local_date, status, quote_key, speaker, cycle, attempts, claimed_at, lease_until, message_id, posted_at, error";

    private const string Day = "platform = @platform AND channel_id = @channel AND local_date = @date";

    public const string History = $"SELECT {PostColumns} FROM qotd_posts WHERE platform = @platform AND channel_id = @channel ORDER BY local_date";

    public const string FindPost = $"SELECT {PostColumns} FROM qotd_posts WHERE {Day}";

    /// <summary>The first claim of a day: one row or none (someone has the day already).</summary>
    public const string InsertClaim = """
        INSERT INTO qotd_posts (platform, channel_id, local_date, status, quote_key, speaker, cycle, attempts, claim_token, claimed_at, lease_until)
        VALUES (@platform, @channel, @date, 'claimed', @quote_key, @speaker, @cycle, 1, @token, @now, @lease_until)
        ON CONFLICT (platform, channel_id, local_date) DO NOTHING
        """;

    /// <summary>Compare-and-set take-over of a claim whose lease has run out: at most one caller matches.</summary>
    public const string TakeOver = $"""
        UPDATE qotd_posts SET claim_token = @token, attempts = attempts + 1, lease_until = @lease_until
        WHERE {Day} AND status = 'claimed' AND lease_until <= @now
        RETURNING attempts, quote_key, speaker, cycle, claimed_at
        """;

    private const string Owned = $"{Day} AND claim_token = @token AND status = 'claimed'";

    public const string Reschedule = $"UPDATE qotd_posts SET lease_until = @retry_at, error = @error WHERE {Owned}";

    public const string Complete = $"UPDATE qotd_posts SET status = 'posted', message_id = @message_id, posted_at = @now, lease_until = @now WHERE {Owned}";

    public const string Fail = $"UPDATE qotd_posts SET status = 'failed', error = @error, lease_until = @now WHERE {Owned}";

    public const string Skip = """
        INSERT INTO qotd_posts (platform, channel_id, local_date, status, attempts, claimed_at)
        VALUES (@platform, @channel, @date, 'skipped', 0, @now)
        ON CONFLICT (platform, channel_id, local_date) DO NOTHING
        """;
}
