using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewBot.Chat.Operations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Slack;

/// <summary>A thin client for Slack's Web API over <see cref="HttpClient"/>: JSON bodies with the token only in the
/// <c>Authorization: Bearer</c> header, <c>ok:false</c> surfaced as <see cref="SlackApiException"/> with Slack's error
/// code, 429 answered by waiting <c>Retry-After</c>, 5xx and network errors retried with backoff. Also posts to a
/// response_url (no token). Logs name methods, never tokens or response URLs. With <paramref name="metrics"/>, 429 waits
/// and calls that failed for good are counted (platform "slack").</summary>
public sealed partial class SlackWebApi(IHttpClientFactory clients, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackWebApi> logger,
    BotMetrics? metrics = null)
{
    public const string HttpClientName = "Slack";
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    private readonly StrongBox<long> _rateLimitWaits = Observed(metrics);

    /// <summary>How many times a call waited out a 429's Retry-After (for metrics).</summary>
    public long RateLimitWaits => Interlocked.Read(ref _rateLimitWaits.Value);

    /// <summary>First delay before retrying a 5xx or network error; doubles on each retry, plus jitter.</summary>
    internal TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>Attempts for 5xx and network errors (the first try included).</summary>
    internal int MaxAttempts { get; set; } = 4;

    /// <summary>429s tolerated per call before giving up.</summary>
    internal int MaxRateLimitRetries { get; set; } = 5;

    /// <summary>chat.postMessage; returns the new message's <c>ts</c>.</summary>
    public async Task<string?> PostMessageAsync(string channel, JsonObject message, string? threadTs, CancellationToken ct)
    {
        var body = With(message, ("channel", channel), ("thread_ts", threadTs));
        body["unfurl_links"] = false;
        body["unfurl_media"] = false;
        return SlackJson.Str(await CallAsync("chat.postMessage", body, BotToken(), ct).ConfigureAwait(false), "ts");
    }

    /// <summary>chat.postMessage for a post that must not be doubled: a 429 is still waited out (Slack did not take the
    /// message), but a 5xx, a timeout or a network error is not retried, because the message may have been posted
    /// (Slack's <c>internal_error</c>: "some aspect of the operation succeeded"). The caller looks before it tries
    /// again. Returns the new message's <c>ts</c>.</summary>
    public async Task<string?> PostMessageAtMostOnceAsync(string channel, JsonObject message, CancellationToken ct)
    {
        var body = With(message, ("channel", channel));
        body["unfurl_links"] = false;
        body["unfurl_media"] = false;
        var uri = new Uri($"{options.Value.ApiBaseUrl.TrimEnd('/')}/chat.postMessage");
        return SlackJson.Str(await SendAsync(uri, "chat.postMessage", body.ToJsonString(), BotToken(), ct, retryFailures: false).ConfigureAwait(false), "ts");
    }

    /// <summary>conversations.history (scopes channels:history, groups:history, im:history, mpim:history; the bot must
    /// be in the channel): messages newest first from <paramref name="oldest"/> (a ts, inclusive) on, a page at a time.</summary>
    public Task<JsonElement> ConversationsHistoryAsync(string channel, string oldest, int limit, string? cursor, CancellationToken ct) =>
        CallReadAsync("conversations.history", [("channel", channel), ("oldest", oldest), ("inclusive", "true"), ("limit", limit.ToString(CultureInfo.InvariantCulture)), ("cursor", cursor)], ct);

    /// <summary>users.info (scope users:read): the user object, with <c>is_admin</c>, <c>is_owner</c> and
    /// <c>is_primary_owner</c>.</summary>
    public Task<JsonElement> UsersInfoAsync(string user, CancellationToken ct) => CallReadAsync("users.info", [("user", user)], ct);

    /// <summary>Calls a read method with the bot token: arguments go in the query string (Slack accepts JSON bodies
    /// for most write methods only), token in the header, no body.</summary>
    public Task<JsonElement> CallReadAsync(string method, IEnumerable<(string Name, string? Value)> arguments, CancellationToken ct)
    {
        var query = string.Join('&', arguments.Where(a => a.Value is not null).Select(a => Uri.EscapeDataString(a.Name) + "=" + Uri.EscapeDataString(a.Value!)));
        var uri = new Uri($"{options.Value.ApiBaseUrl.TrimEnd('/')}/{method}" + (query.Length > 0 ? "?" + query : ""));
        return SendAsync(uri, method, null, BotToken(), ct);
    }

    /// <summary>chat.postEphemeral: only <paramref name="user"/> sees it.</summary>
    public Task PostEphemeralAsync(string channel, string user, JsonObject message, string? threadTs, CancellationToken ct) =>
        CallAsync("chat.postEphemeral", With(message, ("channel", channel), ("user", user), ("thread_ts", threadTs)), BotToken(), ct);

    /// <summary>chat.update: replaces the text and blocks of the bot's message <paramref name="ts"/>.</summary>
    public Task UpdateAsync(string channel, string ts, JsonObject message, CancellationToken ct) =>
        CallAsync("chat.update", With(message, ("channel", channel), ("ts", ts)), BotToken(), ct);

    /// <summary>Posts a message to a slash command's or a click's response_url (up to five times in 30 minutes).</summary>
    public Task RespondAsync(string responseUrl, JsonObject message, CancellationToken ct) =>
        Uri.TryCreate(responseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? SendAsync(uri, "response_url", message.ToJsonString(), null, ct)
            : throw new SlackApiException("response_url", "invalid_response_url", 0);

    /// <summary>auth.test with the bot token: the bot's own user id, bot id and team.</summary>
    public async Task<SlackIdentity> AuthTestAsync(CancellationToken ct)
    {
        var r = await CallAsync("auth.test", null, BotToken(), ct).ConfigureAwait(false);
        return new SlackIdentity(SlackJson.Str(r, "user_id"), SlackJson.Str(r, "bot_id"), SlackJson.Str(r, "team_id"));
    }

    /// <summary>apps.connections.open with the app-level token: a fresh Socket Mode WebSocket URL.</summary>
    public async Task<Uri> OpenConnectionAsync(CancellationToken ct)
    {
        var token = options.Value.AppToken is { Length: > 0 } t ? t : throw new InvalidOperationException("Slack:AppToken is not configured");
        var r = await CallAsync("apps.connections.open", null, token, ct).ConfigureAwait(false);
        return Uri.TryCreate(SlackJson.Str(r, "url"), UriKind.Absolute, out var url) && url.Scheme is "wss" or "ws"
            ? url
            : throw new SlackApiException("apps.connections.open", "no_websocket_url", 200);
    }

    /// <summary>Calls a Web API method; <paramref name="body"/> null sends no body (token in the header only).</summary>
    public Task<JsonElement> CallAsync(string method, JsonObject? body, string token, CancellationToken ct) =>
        SendAsync(new Uri($"{options.Value.ApiBaseUrl.TrimEnd('/')}/{method}"), method, body?.ToJsonString(), token, ct);

    /// <param name="retryFailures">Retry 5xx and network errors (false where a retry could repeat a side effect).</param>
    private async Task<JsonElement> SendAsync(Uri uri, string method, string? json, string? token, CancellationToken ct, bool retryFailures = true)
    {
        var (failures, limited) = (0, 0);
        while (true)
        {
            var response = await SlackResponse.SendAsync(clients.CreateClient(HttpClientName), uri, json, token, ct).ConfigureAwait(false);
            LogResponse(logger, method, response.Status);
            if (response.Status == 429 && ++limited <= MaxRateLimitRetries)
            {
                var wait = response.RetryAfter ?? DefaultRetryAfter;
                Interlocked.Increment(ref _rateLimitWaits.Value);
                LogRateLimited(logger, method, wait.TotalSeconds, limited);
                await Task.Delay(wait, time, ct).ConfigureAwait(false);
                continue;
            }

            if (response.Status is 0 or >= 500 && retryFailures && ++failures < MaxAttempts)
            {
                var delay = RetryBaseDelay * Math.Pow(2, failures - 1) * (1 + Random.Shared.NextDouble());
                LogRetry(logger, method, response.Status, response.Error ?? "", failures, delay.TotalMilliseconds);
                await Task.Delay(delay, time, ct).ConfigureAwait(false);
                continue;
            }

            if (response.Status is >= 200 and < 300 && !response.NotOk)
            {
                return response.Json;
            }

            metrics?.PlatformError(Commands.ChatContext.Slack, BotMetrics.ErrorKind(response.Status));
            throw new SlackApiException(method, response.Error, response.Status, response.Exception);
        }
    }

    private static StrongBox<long> Observed(BotMetrics? metrics)
    {
        var waits = new StrongBox<long>();
        metrics?.ObserveRateLimitWaits(Commands.ChatContext.Slack, () => Interlocked.Read(ref waits.Value));
        return waits;
    }

    private string BotToken() =>
        options.Value.BotToken is { Length: > 0 } token ? token : throw new InvalidOperationException("Slack:BotToken is not configured");

    private static JsonObject With(JsonObject message, params (string Name, string? Value)[] fields)
    {
        var body = (JsonObject)message.DeepClone();
        foreach (var (name, value) in fields.Where(f => f.Value is not null))
        {
            body[name] = value;
        }

        return body;
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Slack answered {Method} with 429: retrying after {RetryAfterSeconds:F1} s (rate limit {Count})")]
    private static partial void LogRateLimited(ILogger logger, string method, double retryAfterSeconds, int count);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Slack {Method} failed (HTTP {Status} {Error}); retry {Retry} in {DelayMs:F0} ms")]
    private static partial void LogRetry(ILogger logger, string method, int status, string error, int retry, double delayMs);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Debug, Message = "Slack {Method} answered HTTP {Status}")]
    private static partial void LogResponse(ILogger logger, string method, int status);
}

/// <summary>Who the bot is, from auth.test.</summary>
public sealed record SlackIdentity(string? UserId, string? BotId, string? TeamId);
