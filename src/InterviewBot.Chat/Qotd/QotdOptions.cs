namespace InterviewBot.Chat.Qotd;

/// <summary>Configuration section <c>Qotd</c>: the quote-of-the-day scheduler and static subscriptions.</summary>
public sealed class QotdOptions
{
    public const string SectionName = "Qotd";

    /// <summary>Run the scheduler in <c>serve</c> (default true). Off, nothing is posted; <c>/qotd</c> still answers.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Subscriptions kept in configuration, for static set-ups. Synchronised into the store at start-up; chat
    /// cannot change them; one removed from configuration is switched off.</summary>
    public List<ConfiguredSubscription> Subscriptions { get; set; } = [];

    /// <summary>Attempts per day before a post is recorded as failed (default 5).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the second attempt; it doubles for each later one, up to 30 minutes (default 30 s).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take before it counts as a timeout (default 60 s).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the scheduler re-reads subscriptions (changed in chat or by another replica; default 60 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a claimed day stays with the replica that claimed it before another may take over; must be
    /// longer than two attempt timeouts (default 5 minutes).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>One subscription under <c>Qotd:Subscriptions</c>.</summary>
public sealed class ConfiguredSubscription
{
    /// <summary>"discord" or "slack".</summary>
    public string Platform { get; set; } = "";

    /// <summary>The channel id (Discord: a snowflake; Slack: C…, G… or D…).</summary>
    public string Channel { get; set; } = "";

    /// <summary>Local posting time, HH:mm (default 09:00).</summary>
    public string Time { get; set; } = "09:00";

    /// <summary>IANA time zone (default UTC).</summary>
    public string TimeZone { get; set; } = "UTC";

    public string? Speaker { get; set; }

    /// <summary>An interview id or title.</summary>
    public string? Interview { get; set; }

    public bool Enabled { get; set; } = true;
}
