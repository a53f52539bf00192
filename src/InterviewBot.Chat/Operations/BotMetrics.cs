using System.Diagnostics.Metrics;

namespace InterviewBot.Chat.Operations;

/// <summary>The bot's instruments, on one <see cref="Meter"/> named <see cref="MeterName"/>. Exported in Prometheus
/// text format at <c>/metrics</c> (see <see cref="OperationsServiceCollectionExtensions"/>), where OpenTelemetry's
/// names become e.g. <c>interviewbot_questions_answered_total</c> and <c>interviewbot_reply_duration_seconds</c>.
/// Every series has a <c>platform</c> label (discord, slack, playground, unknown).</summary>
public sealed class BotMetrics
{
    public const string MeterName = "InterviewBot";

    /// <summary>Seconds; from 5 ms to 30 s (the default buckets are meant for milliseconds).</summary>
    private static readonly double[] LatencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Counter<long> _answered;
    private readonly Counter<long> _abstained;
    private readonly Counter<long> _rateLimited;
    private readonly Histogram<double> _reply;
    private readonly Histogram<double> _retrieval;
    private readonly Counter<long> _platformErrors;
    private readonly Counter<long> _qotdPosts;
    private readonly Counter<long> _qotdFailures;
    private readonly Lock _sync = new();
    private readonly List<(string Platform, Func<long> Read)> _waitSources = [];

    public BotMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _answered = meter.CreateCounter<long>("interviewbot.questions.answered", "{question}",
            "Questions answered with at least one quote (first pages of asks only)");
        _abstained = meter.CreateCounter<long>("interviewbot.questions.abstained", "{question}",
            "Valid questions the bot declined: no quote matched, or the speaker filter names no one in the interviews");
        _rateLimited = meter.CreateCounter<long>("interviewbot.requests.rate_limited", "{request}",
            "Chat requests turned away by the per-user or per-channel rate limit (label scope)");
        _reply = meter.CreateHistogram("interviewbot.reply.duration", "s", "Time to build a reply to a chat request, rate limit included",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _retrieval = meter.CreateHistogram("interviewbot.retrieval.duration", "s", "Time spent in retrieval (search and ranking) for one request",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _platformErrors = meter.CreateCounter<long>("interviewbot.platform.errors", "{error}",
            "Platform API calls that failed for good, after retries (label kind: network, rate_limit, server, client, api, socket)");
        _qotdPosts = meter.CreateCounter<long>("interviewbot.qotd.posts", "{post}", "Quotes of the day posted and recorded");
        _qotdFailures = meter.CreateCounter<long>("interviewbot.qotd.failures", "{post}", "Quote-of-the-day days recorded as failed");
        meter.CreateObservableCounter("interviewbot.platform.rate_limit_waits", ObserveWaits, "{wait}",
            "Times a platform API call waited for a platform rate limit (Discord buckets and global limit, Slack 429 Retry-After)");
    }

    public void Answered(string platform) => _answered.Add(1, Tag(platform));

    public void Abstained(string platform) => _abstained.Add(1, Tag(platform));

    /// <param name="scope">"user" or "channel": the bucket that ran out.</param>
    public void RateLimited(string platform, string scope) =>
        _rateLimited.Add(1, Tag(platform), new KeyValuePair<string, object?>("scope", scope));

    /// <param name="request">The request kind: ask, quote, qotd, context or help.</param>
    public void Replied(string platform, string request, TimeSpan elapsed) =>
        _reply.Record(elapsed.TotalSeconds, Tag(platform), new KeyValuePair<string, object?>("request", request));

    public void Retrieved(string platform, TimeSpan elapsed) => _retrieval.Record(elapsed.TotalSeconds, Tag(platform));

    /// <param name="kind">network (no response), rate_limit (429s beyond the retries), server (5xx), client (4xx),
    /// api (Slack's ok:false) or socket (a WebSocket that could not be opened).</param>
    public void PlatformError(string platform, string kind) =>
        _platformErrors.Add(1, Tag(platform), new KeyValuePair<string, object?>("kind", kind));

    /// <summary>The error kind for a failed HTTP call's last status (0: no response).</summary>
    public static string ErrorKind(int status) => status switch
    {
        0 => "network",
        429 => "rate_limit",
        >= 500 => "server",
        >= 400 => "client",
        _ => "api",
    };

    public void QotdPosted(string platform) => _qotdPosts.Add(1, Tag(platform));

    public void QotdFailed(string platform) => _qotdFailures.Add(1, Tag(platform));

    /// <summary>Adds a running count of rate-limit waits (e.g. <c>DiscordRestClient.RateLimitWaits</c>) to the
    /// <c>interviewbot.platform.rate_limit_waits</c> counter; sources of one platform are summed.</summary>
    public void ObserveRateLimitWaits(string platform, Func<long> read)
    {
        lock (_sync)
        {
            _waitSources.Add((platform, read));
        }
    }

    private IEnumerable<Measurement<long>> ObserveWaits()
    {
        lock (_sync)
        {
            return _waitSources.GroupBy(s => s.Platform, StringComparer.Ordinal)
                .Select(g => new Measurement<long>(g.Sum(s => s.Read()), Tag(g.Key)))
                .ToList();
        }
    }

    private static KeyValuePair<string, object?> Tag(string platform) => new("platform", platform);
}
