using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using InterviewBot.Chat.Discord;
using InterviewBot.Chat.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Tests.Discord;

public sealed class DiscordRestClientTests : IAsyncLifetime
{
    private const string BotToken = "MTAxMjM0.bot-secret.Zm9vYmFy";
    private const string InteractionToken = "aW50ZXJhY3Rpb246c2VjcmV0-interaction-token";
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(15);

    private readonly HttpClient _http = new();
    private readonly CapturingLogger _log = new();
    private FakeDiscordRest _fake = null!;
    private DiscordRestClient _client = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscordRest.StartAsync(BotToken);
        _client = Client(_fake.BaseUrl + "/");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task Bot_routes_carry_the_bot_token_the_user_agent_and_a_json_content_type()
    {
        var message = await _client.CreateMessageAsync("111", Content("hi"), default);
        var url = await _client.GetGatewayUrlAsync(default);

        Assert.Equal("hi", message.GetProperty("content").GetString());
        Assert.Equal(_fake.GatewayUrl, url);
        var (post, get) = (_fake.Requests[0], _fake.Requests[1]);
        Assert.Equal(("POST", "channels/111/messages"), (post.Method, post.Path));
        Assert.Equal("Bot " + BotToken, post.Header("Authorization"));
        Assert.Equal("Bot " + BotToken, get.Header("Authorization"));
        Assert.Equal(DiscordOptions.UserAgent, post.Header("User-Agent"));
        Assert.StartsWith("application/json", post.Header("Content-Type"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interaction_callbacks_and_webhook_edits_carry_no_authorization_header()
    {
        await _client.CreateInteractionResponseAsync("222", InteractionToken, new JsonObject { ["type"] = 5 }, default);
        await _client.EditOriginalResponseAsync(InteractionToken, Content("done"), default);

        Assert.Equal(
            ["interactions/222/" + InteractionToken + "/callback", $"webhooks/{_fake.ApplicationId}/{InteractionToken}/messages/@original"],
            _fake.Requests.Select(r => r.Path));
        Assert.All(_fake.Requests, r => Assert.Null(r.Header("Authorization")));
        Assert.All(_fake.Requests, r => Assert.Equal(DiscordOptions.UserAgent, r.Header("User-Agent")));
        Assert.Equal("done", (string?)_fake.OriginalResponse(InteractionToken)?["content"]);
    }

    [Fact]
    public async Task Bulk_overwrite_puts_guild_or_global_commands_and_the_fake_keeps_their_ids()
    {
        static JsonArray Commands() => [new JsonObject { ["name"] = "ask", ["description"] = "Ask a question", ["type"] = 1 }];

        var first = await _client.BulkOverwriteCommandsAsync("333", Commands(), default);
        var again = await _client.BulkOverwriteCommandsAsync("333", Commands(), default);
        await _client.BulkOverwriteCommandsAsync(null, Commands(), default);

        Assert.Equal(first[0].GetProperty("id").GetString(), again[0].GetProperty("id").GetString());
        Assert.Equal(
            [$"PUT applications/{_fake.ApplicationId}/guilds/333/commands", $"PUT applications/{_fake.ApplicationId}/guilds/333/commands", $"PUT applications/{_fake.ApplicationId}/commands"],
            _fake.Requests.Select(r => r.Method + " " + r.Path));
    }

    [Fact]
    public async Task A_429_waits_for_retry_after_and_retries()
    {
        _fake.FailNext("POST", "channels/1/messages", 1, FakeFailure.RateLimited(0.2) with { BucketHeaders = false });

        var message = await _client.CreateMessageAsync("1", Content("hi"), default);

        Assert.Equal("hi", message.GetProperty("content").GetString());
        var requests = _fake.Requests;
        Assert.Equal(2, requests.Count);
        AssertAtLeast(TimeSpan.FromSeconds(0.2), requests[1].At - requests[0].At);
        Assert.True(_client.RateLimitWaits >= 1);
    }

    [Fact]
    public async Task A_global_429_pauses_requests_to_other_routes_too()
    {
        _fake.FailNext("POST", "channels/1/messages", 1, FakeFailure.RateLimited(0.5, global: true));

        var limited = _client.CreateMessageAsync("1", Content("a"), default);
        await Until(() => _client.RateLimitWaits >= 1);
        await _client.GetGatewayUrlAsync(default);
        await limited;

        var first429 = _fake.Requests.First(r => r.Path == "channels/1/messages");
        var other = _fake.Requests.Single(r => r.Path == "gateway/bot");
        AssertAtLeast(TimeSpan.FromSeconds(0.5), other.At - first429.At);
    }

    [Fact]
    public async Task An_exhausted_bucket_holds_the_next_request_to_it_until_reset_after()
    {
        _fake.ExhaustBucketNext("POST", "channels/1/messages", 0.3);

        await _client.CreateMessageAsync("1", Content("a"), default);
        await _client.CreateMessageAsync("1", Content("b"), default);

        var requests = _fake.Requests;
        AssertAtLeast(TimeSpan.FromSeconds(0.3), requests[1].At - requests[0].At);
        Assert.Equal(1, _client.RateLimitWaits);
    }

    [Fact]
    public async Task Requests_to_one_bucket_do_not_stampede_while_its_limit_is_unknown()
    {
        _fake.ExhaustBucketNext("POST", "channels/1/messages", 0.3);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => _client.CreateMessageAsync("1", Content($"m{i}"), default)));

        var requests = _fake.Requests;
        Assert.Equal(3, requests.Count);
        AssertAtLeast(TimeSpan.FromSeconds(0.3), requests[1].At - requests[0].At);
        AssertAtLeast(TimeSpan.FromSeconds(0.3), requests[2].At - requests[0].At);
    }

    [Fact]
    public async Task Major_parameters_keep_the_buckets_of_two_channels_apart()
    {
        _fake.ExhaustBucketNext("POST", "channels/1/messages", 2);
        await _client.CreateMessageAsync("1", Content("a"), default);

        var heldBack = _client.CreateMessageAsync("1", Content("b"), default);
        await _client.CreateMessageAsync("2", Content("c"), default);

        Assert.False(heldBack.IsCompleted);
        Assert.Equal(["channels/1/messages", "channels/2/messages"], _fake.Requests.Select(r => r.Path));
        await heldBack;
    }

    [Fact]
    public async Task A_5xx_is_retried_with_backoff_and_then_succeeds()
    {
        _fake.FailNext("POST", "channels/1/messages", 2, FakeFailure.ServerError(502));

        var message = await _client.CreateMessageAsync("1", Content("hi"), default);

        Assert.Equal("hi", message.GetProperty("content").GetString());
        Assert.Equal(3, _fake.Requests.Count);
    }

    [Fact]
    public async Task Persistent_5xx_gives_a_DiscordApiException_after_a_bounded_number_of_attempts()
    {
        _fake.FailNext("GET", "gateway/bot", 100, FakeFailure.ServerError(500));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => _client.GetGatewayUrlAsync(default));

        Assert.Equal(500, error.Status);
        Assert.Contains("GET gateway/bot", error.Message, StringComparison.Ordinal);
        Assert.Equal(_client.MaxAttempts, _fake.Requests.Count);
    }

    [Fact]
    public async Task Network_errors_are_retried_then_reported_with_status_0()
    {
        var client = Client("http://127.0.0.1:1/api/v10");

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => client.GetGatewayUrlAsync(default));

        Assert.Equal(0, error.Status);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(client.MaxAttempts - 1, _log.Lines.Count(l => l.Contains("retry", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_404_throws_at_once_with_discords_code_and_message()
    {
        _fake.FailNext("PATCH", "webhooks/", 1, FakeFailure.Error(404, 10015, "Unknown Webhook"));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => _client.EditOriginalResponseAsync(InteractionToken, Content("x"), default));

        Assert.Equal((404, 10015), (error.Status, error.Code));
        Assert.Contains("Unknown Webhook", error.Message, StringComparison.Ordinal);
        Assert.Contains("PATCH webhooks/{webhook}/{token}/messages/@original", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(InteractionToken, error.Message, StringComparison.Ordinal);
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task Cancellation_ends_a_rate_limit_wait()
    {
        _fake.FailNext("POST", "channels/1/messages", 1, FakeFailure.RateLimited(30));
        using var cancel = new CancellationTokenSource();

        var waiting = _client.CreateMessageAsync("1", Content("a"), cancel.Token);
        await Until(() => _client.RateLimitWaits >= 1);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task Tokens_never_appear_in_logs_or_exceptions()
    {
        _fake.FailNext("POST", "interactions/", 1, FakeFailure.ServerError(503));
        _fake.FailNext("PATCH", "webhooks/", 1, FakeFailure.RateLimited(0.05));
        _fake.FailNext("POST", "channels/1/messages", 1, FakeFailure.RateLimited(0.05));
        await _client.CreateInteractionResponseAsync("222", InteractionToken, new JsonObject { ["type"] = 5 }, default);
        await _client.EditOriginalResponseAsync(InteractionToken, Content("done"), default);
        await _client.CreateMessageAsync("1", Content("hi"), default);
        _fake.FailNext("PATCH", "webhooks/", 1, FakeFailure.Error(404, 10015, "Unknown Webhook"));
        var error = await Assert.ThrowsAsync<DiscordApiException>(() => _client.EditOriginalResponseAsync(InteractionToken, Content("x"), default));

        var logs = _log.Lines.Append(error.ToString()).ToList();
        Assert.Contains(logs, l => l.Contains("webhooks/{webhook}/{token}/messages/@original", StringComparison.Ordinal) && l.Contains("429", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Contains("interactions/{interaction}/{token}/callback", StringComparison.Ordinal) && l.Contains("503", StringComparison.Ordinal));
        Assert.All(logs, l => Assert.DoesNotContain(InteractionToken, l, StringComparison.Ordinal));
        Assert.All(logs, l => Assert.DoesNotContain(BotToken, l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("POST", "channels/123/messages", "POST channels/123/messages", "channels/{channel}/messages", true)]
    [InlineData("DELETE", "/channels/123/messages/456/", "DELETE channels/123/messages/{id}", "channels/{channel}/messages/{id}", true)]
    [InlineData("PUT", "applications/9/guilds/8/commands", "PUT applications/{app}/guilds/8/commands", "applications/{app}/guilds/{guild}/commands", true)]
    [InlineData("PATCH", "webhooks/9/tok/messages/@original", "PATCH webhooks/9/tok/messages/@original", "webhooks/{webhook}/{token}/messages/@original", false)]
    [InlineData("POST", "interactions/5/tok/callback", "POST interactions/5/tok/callback", "interactions/{interaction}/{token}/callback", false)]
    [InlineData("GET", "gateway/bot?v=10", "GET gateway/bot", "gateway/bot", true)]
    public void Routes_keep_major_parameters_in_the_bucket_key_and_hide_every_id_from_the_template(string method, string path, string key, string template, bool bot)
    {
        var route = DiscordRoute.Parse(new HttpMethod(method), path);

        Assert.Equal((key, template, bot), (route.Key, route.Template, route.BotAuthorization));
        Assert.Equal(method + " " + template, route.ToString());
    }

    private DiscordRestClient Client(string baseUrl) =>
        new(
            _http,
            Options.Create(new DiscordOptions { ApiBaseUrl = baseUrl, BotToken = BotToken, ApplicationId = _fake.ApplicationId }),
            TimeProvider.System,
            _log)
        {
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        };

    private static JsonObject Content(string text) => new() { ["content"] = text };

    private static void AssertAtLeast(TimeSpan expected, TimeSpan actual) =>
        Assert.True(actual >= expected - Tolerance, $"expected at least {expected.TotalMilliseconds} ms, was {actual.TotalMilliseconds} ms");

    private static async Task Until(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "condition not met within 10 s");
            await Task.Delay(5);
        }
    }

    /// <summary>Keeps every log line with its structured values and exception, at every level.</summary>
    private sealed class CapturingLogger : ILogger<DiscordRestClient>
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            Lines.Enqueue($"{logLevel} {formatter(state, exception)} | {values} | {exception}");
        }
    }
}
