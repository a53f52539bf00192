using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewBot.Chat.Operations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Discord;

/// <summary>A thin client for Discord's REST API v10 over <see cref="HttpClient"/>. Sends the bot token on bot routes
/// only (interaction callbacks and interaction webhooks are authorised by the token in their path), honours per-route
/// and global rate limits (<see cref="DiscordRateLimiter"/>), retries 429, 5xx and network errors a bounded number of
/// times and otherwise throws <see cref="DiscordApiException"/>. Logs show route templates, never tokens. With
/// <paramref name="metrics"/>, rate-limit waits and calls that failed for good are counted (platform "discord").</summary>
public sealed partial class DiscordRestClient(HttpClient http, IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordRestClient> logger,
    BotMetrics? metrics = null)
{
    private readonly DiscordRateLimiter _limiter = Observed(new DiscordRateLimiter(time, logger), metrics);

    /// <summary>How many times a request was held back by a rate limit (for metrics).</summary>
    public long RateLimitWaits => _limiter.Waits;

    /// <summary>First delay before retrying a 5xx or network error; doubles on each retry, plus jitter.</summary>
    internal TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>Attempts for 5xx and network errors (the first try included).</summary>
    internal int MaxAttempts { get; set; } = 4;

    /// <summary>429s tolerated per call before giving up.</summary>
    internal int MaxRateLimitRetries { get; set; } = 5;

    public async Task<JsonElement> CreateMessageAsync(string channelId, JsonObject message, CancellationToken ct) =>
        await SendAsync(HttpMethod.Post, $"channels/{Segment(channelId)}/messages", message, ct).ConfigureAwait(false)
        ?? throw new DiscordApiException("Discord POST channels/{channel}/messages returned no message", 200, null);

    public Task CreateInteractionResponseAsync(string interactionId, string interactionToken, JsonObject response, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"interactions/{Segment(interactionId)}/{Segment(interactionToken)}/callback", response, ct);

    public Task EditOriginalResponseAsync(string interactionToken, JsonObject message, CancellationToken ct) =>
        SendAsync(HttpMethod.Patch, $"webhooks/{ApplicationId()}/{Segment(interactionToken)}/messages/@original", message, ct);

    public async Task<JsonElement> BulkOverwriteCommandsAsync(string? guildId, JsonArray commands, CancellationToken ct)
    {
        var path = guildId is null ? $"applications/{ApplicationId()}/commands" : $"applications/{ApplicationId()}/guilds/{Segment(guildId)}/commands";
        return await SendAsync(HttpMethod.Put, path, commands, ct).ConfigureAwait(false)
            ?? throw new DiscordApiException("Discord PUT commands returned no body", 200, null);
    }

    public async Task<string> GetGatewayUrlAsync(CancellationToken ct)
    {
        var body = await SendAsync(HttpMethod.Get, "gateway/bot", null, ct).ConfigureAwait(false);
        return body is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("url", out var url) && url.GetString() is { Length: > 0 } s
            ? s
            : throw new DiscordApiException("Discord GET gateway/bot returned no url", 200, null);
    }

    /// <summary><c>GET channels/{id}/messages</c>: up to <paramref name="limit"/> (1–100) messages with ids greater than
    /// <paramref name="after"/> (a snowflake; null for the newest), newest first. Needs VIEW_CHANNEL; without
    /// READ_MESSAGE_HISTORY Discord answers an empty list.</summary>
    public async Task<JsonElement> GetChannelMessagesAsync(string channelId, string? after, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 100);
        var query = string.Create(CultureInfo.InvariantCulture, $"limit={limit}") + (after is null ? "" : "&after=" + Segment(after));
        return await SendAsync(HttpMethod.Get, $"channels/{Segment(channelId)}/messages?{query}", null, ct).ConfigureAwait(false)
            ?? throw new DiscordApiException("Discord GET channels/{channel}/messages returned no body", 200, null);
    }

    /// <summary><c>GET users/@me</c>: the bot's own user (its <c>id</c> is the author id of every message it posts).</summary>
    public async Task<JsonElement> GetCurrentUserAsync(CancellationToken ct) =>
        await SendAsync(HttpMethod.Get, "users/@me", null, ct).ConfigureAwait(false)
        ?? throw new DiscordApiException("Discord GET users/@me returned no body", 200, null);

    /// <summary>Sends one request, waiting out rate limits and retrying 429, 5xx and network errors.</summary>
    /// <param name="path">Relative to <see cref="DiscordOptions.ApiBaseUrl"/>, e.g. <c>channels/123/messages</c>.</param>
    /// <returns>The parsed (cloned) JSON body, or null for 204 or an empty body.</returns>
    public async Task<JsonElement?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var route = DiscordRoute.Parse(method, path);
        var uri = new Uri(options.Value.ApiBaseUrl.TrimEnd('/') + "/" + path.TrimStart('/'));
        var json = body?.ToJsonString();
        var (failures, limited) = (0, 0);
        while (true)
        {
            DiscordRestResponse response;
            using (await _limiter.AcquireAsync(route, cancellationToken).ConfigureAwait(false))
            {
                response = await SendOnceAsync(method, uri, route, json, cancellationToken).ConfigureAwait(false);
            }

            if (response.Status is >= 200 and < 300)
            {
                return response.Json;
            }

            if (response.Status == 429 && ++limited <= MaxRateLimitRetries)
            {
                LogRateLimited(logger, route.ToString(), response.RetryAfter.TotalMilliseconds, response.Global);
                continue; // the next AcquireAsync waits out the bucket or the global limit
            }

            if (response.Status is 0 or >= 500 && ++failures < MaxAttempts)
            {
                var delay = RetryBaseDelay * Math.Pow(2, failures - 1) * (1 + Random.Shared.NextDouble());
                LogRetry(logger, route.ToString(), response.Describe(), failures, delay.TotalMilliseconds);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            metrics?.PlatformError(Commands.ChatContext.Discord, BotMetrics.ErrorKind(response.Status));
            throw response.ToException(route);
        }
    }

    private static DiscordRateLimiter Observed(DiscordRateLimiter limiter, BotMetrics? metrics)
    {
        metrics?.ObserveRateLimitWaits(Commands.ChatContext.Discord, () => limiter.Waits);
        return limiter;
    }

    private async Task<DiscordRestResponse> SendOnceAsync(HttpMethod method, Uri uri, DiscordRoute route, string? json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.TryAddWithoutValidation("User-Agent", DiscordOptions.UserAgent);
        if (route.BotAuthorization)
        {
            var token = options.Value.BotToken;
            request.Headers.Authorization = string.IsNullOrEmpty(token)
                ? throw new InvalidOperationException("Discord:BotToken is not configured")
                : new AuthenticationHeaderValue("Bot", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var result = DiscordRestResponse.From(response, bytes);
            LogResponse(logger, route.ToString(), result.Status);
            _limiter.Observe(route, response);
            if (result.Status == 429)
            {
                _limiter.OnRateLimited(route, result.RetryAfter, result.Global);
            }

            return result;
        }
        catch (HttpRequestException e)
        {
            return DiscordRestResponse.Failed(e, e.HttpRequestError.ToString());
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return DiscordRestResponse.Failed(e, "timeout");
        }
    }

    private string ApplicationId() =>
        options.Value.ApplicationId is { Length: > 0 } id ? Segment(id) : throw new InvalidOperationException("Discord:ApplicationId is not configured");

    private static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return Uri.EscapeDataString(value);
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Discord rate limit: waiting {DelayMs:F0} ms before {Route} ({Scope} limit)")]
    internal static partial void LogRateLimitWait(ILogger logger, double delayMs, string route, string scope);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Discord answered {Route} with 429: retry after {RetryAfterMs:F0} ms (global: {Global})")]
    private static partial void LogRateLimited(ILogger logger, string route, double retryAfterMs, bool global);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Discord {Route} failed ({Failure}); retry {Retry} in {DelayMs:F0} ms")]
    private static partial void LogRetry(ILogger logger, string route, string failure, int retry, double delayMs);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Debug, Message = "Discord {Route} answered {Status}")]
    private static partial void LogResponse(ILogger logger, string route, int status);
}
