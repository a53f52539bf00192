using System.Text.Json.Nodes;
using InterviewBot.Chat.Commands;
using InterviewBot.Chat.Discord;
using InterviewBot.Chat.Qotd;
using InterviewBot.Chat.Tests.Fakes;
using InterviewBot.Core.Model;
using InterviewBot.Retrieval.Quotes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Tests.Qotd;

public sealed class DiscordQotdPosterTests : IAsyncLifetime
{
    private const string Heading = "Quote of the day, 23 November 2026";
    private const string Channel = "111";
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly HttpClient _impatient = new() { Timeout = TimeSpan.FromMilliseconds(300) };
    private FakeDiscordRest _fake = null!;
    private DiscordRestClient _client = null!;
    private DiscordQotdPoster _poster = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscordRest.StartAsync();
        (_client, _poster) = Create(_http);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        _impatient.Dispose();
        await _fake.DisposeAsync();
    }

    /// <summary>Quick retries, two attempts for 5xx and timeouts, one 429 tolerated per call.</summary>
    private (DiscordRestClient, DiscordQotdPoster) Create(HttpClient http)
    {
        var options = Options.Create(new DiscordOptions { ApiBaseUrl = _fake.BaseUrl, BotToken = _fake.BotToken, ApplicationId = _fake.ApplicationId });
        var client = new DiscordRestClient(http, options, TimeProvider.System, NullLogger<DiscordRestClient>.Instance)
        {
            RetryBaseDelay = TimeSpan.FromMilliseconds(5), MaxAttempts = 2, MaxRateLimitRetries = 1,
        };
        return (client, new DiscordQotdPoster(client, options, NullLogger<DiscordQotdPoster>.Instance));
    }

    /// <summary>A poster whose HTTP client gives up after 300 ms, for the fake's never-answered requests.</summary>
    private DiscordQotdPoster Impatient() => Create(_impatient).Item2;

    internal static ChatReply Reply(string heading = Heading) => new()
    {
        Heading = heading,
        Quotes = [new Quote("Heat is the *touchstone* for @everyone.", "Joe Russo", SpeakerRole.Interviewee, new InterviewRef("seed", "An interview", "Polygon", "2020-04", "https://example.com/a"), null, 1, null, new QuoteLocation("seed", 4, 0, 2))],
    };

    [Fact]
    public async Task A_post_looks_exactly_like_quote_pings_no_one_and_returns_the_message_id()
    {
        var id = await _poster.PostAsync(Channel, Reply(), default);

        var request = Assert.Single(_fake.Requests);
        Assert.Equal(("POST", "channels/111/messages"), (request.Method, request.Path));
        var body = request.Json!.AsObject();
        Assert.Equal("**Quote of the day, 23 November 2026**", (string?)body["content"]);
        Assert.Equal("{\"parse\":[]}", body["allowed_mentions"]!.ToJsonString());
        var expected = DiscordRenderer.Render(Reply());
        foreach (var name in new[] { "content", "embeds", "components", "allowed_mentions" })
        {
            Assert.True(JsonNode.DeepEquals(expected[name], body[name]), name);
        }

        Assert.Equal(id, (string?)Assert.Single(_fake.ChannelMessages(Channel))["id"]);
    }

    [Fact]
    public async Task A_post_carries_a_short_nonce_from_channel_and_heading_with_enforce_nonce()
    {
        await _poster.PostAsync(Channel, Reply(), default);
        await _poster.PostAsync("222", Reply(), default);
        await _poster.PostAsync(Channel, Reply("Quote of the day, 24 November 2026"), default);

        var bodies = _fake.Requests.Select(r => r.Json!).ToList();
        var nonces = bodies.Select(b => (string)b["nonce"]!).ToList();
        Assert.All(nonces, n => Assert.InRange(n.Length, 1, 25));
        Assert.Equal(3, nonces.Distinct().Count());
        Assert.All(bodies, b => Assert.True((bool)b["enforce_nonce"]!));
        Assert.Equal(DiscordQotdPoster.Nonce(Channel, Heading), nonces[0]);
    }

    [Fact]
    public async Task Posting_the_same_heading_twice_creates_one_message_and_returns_its_id_both_times()
    {
        var first = await _poster.PostAsync(Channel, Reply(), default);
        var second = await _poster.PostAsync(Channel, Reply(), default);

        Assert.Equal(first, second);
        Assert.Single(_fake.ChannelMessages(Channel));
    }

    [Fact]
    public async Task A_post_whose_response_was_lost_to_a_5xx_is_retried_by_the_client_and_the_nonce_keeps_it_single()
    {
        _fake.LoseResponseNext("POST", "channels/111/messages", 1, FakeFailure.ServerError(502));

        var id = await _poster.PostAsync(Channel, Reply(), default);

        Assert.Equal(2, _fake.Requests.Count);
        Assert.Equal(id, (string?)Assert.Single(_fake.ChannelMessages(Channel))["id"]);
    }

    [Fact]
    public async Task A_5xx_that_persists_is_a_transient_failure_after_the_clients_own_retries()
    {
        _fake.FailNext("POST", "channels/111/messages", 100, FakeFailure.ServerError(500));

        var error = await Assert.ThrowsAsync<QotdPostException>(() => _poster.PostAsync(Channel, Reply(), default));

        Assert.False(error.Permanent);
        Assert.Equal(500, Assert.IsType<DiscordApiException>(error.InnerException).Status);
        Assert.Equal(_client.MaxAttempts, _fake.Requests.Count);
    }

    [Fact]
    public async Task A_single_429_is_waited_out_by_the_client_and_the_post_goes_through()
    {
        _fake.FailNext("POST", "channels/111/messages", 1, FakeFailure.RateLimited(0.05));

        var id = await _poster.PostAsync(Channel, Reply(), default);

        Assert.Equal(2, _fake.Requests.Count);
        Assert.Equal(id, (string?)Assert.Single(_fake.ChannelMessages(Channel))["id"]);
    }

    [Fact]
    public async Task Persistent_429s_are_a_transient_failure()
    {
        _fake.FailNext("POST", "channels/111/messages", 100, FakeFailure.RateLimited(0.05));

        var error = await Assert.ThrowsAsync<QotdPostException>(() => _poster.PostAsync(Channel, Reply(), default));

        Assert.False(error.Permanent);
        Assert.Equal(429, Assert.IsType<DiscordApiException>(error.InnerException).Status);
        Assert.Null(error.RetryAfter); // DiscordApiException does not carry retry_after; the client already waited it out
    }

    [Fact]
    public async Task A_timeout_is_a_transient_failure()
    {
        _fake.FailNext("POST", "channels/111/messages", 100, FakeFailure.Timeout());

        var error = await Assert.ThrowsAsync<QotdPostException>(() => Impatient().PostAsync(Channel, Reply(), default));

        Assert.False(error.Permanent);
        Assert.Equal(0, Assert.IsType<DiscordApiException>(error.InnerException).Status);
        Assert.Equal(_client.MaxAttempts, _fake.Requests.Count);
    }

    [Theory]
    [InlineData(403, 50001, "Missing Access")]
    [InlineData(403, 50013, "Missing Permissions")]
    [InlineData(404, 10003, "Unknown Channel")]
    [InlineData(401, 0, "401: Unauthorized")]
    public async Task Missing_access_an_unknown_channel_or_a_bad_token_is_a_permanent_failure_without_retries(int status, int code, string message)
    {
        _fake.FailNext("POST", "channels/111/messages", 1, FakeFailure.Error(status, code, message));

        var error = await Assert.ThrowsAsync<QotdPostException>(() => _poster.PostAsync(Channel, Reply(), default));

        Assert.True(error.Permanent);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_fake.BotToken, error.ToString(), StringComparison.Ordinal);
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_turned_into_a_post_failure()
    {
        _fake.FailNext("POST", "channels/111/messages", 1, FakeFailure.Timeout());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _poster.PostAsync(Channel, Reply(), cancel.Token));
    }

    [Fact]
    public async Task A_post_that_landed_but_whose_response_was_lost_is_found_afterwards()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        _fake.LoseResponseNext("POST", "channels/111/messages", 100, FakeFailure.Timeout());

        var error = await Assert.ThrowsAsync<QotdPostException>(() => Impatient().PostAsync(Channel, Reply(), default));
        var found = await _poster.FindPostedAsync(Channel, Heading, since, default);

        Assert.False(error.Permanent);
        Assert.Equal((string?)Assert.Single(_fake.ChannelMessages(Channel))["id"], found);
    }

    [Fact]
    public async Task Find_returns_the_bots_own_post_with_that_heading()
    {
        var since = DateTimeOffset.UtcNow.AddMinutes(-5);
        _fake.AddMessage(Channel, "**Quote of the day, 22 November 2026**", at: since.AddMinutes(1));
        _fake.AddMessage(Channel, "**Quote of the day, 23 November 2026**", authorId: "999", bot: true, at: since.AddMinutes(2));
        var mine = _fake.AddMessage(Channel, "**Quote of the day, 23 November 2026**", at: since.AddMinutes(3));
        _fake.AddMessage(Channel, "unrelated chatter", authorId: "998", bot: false, at: since.AddMinutes(4));

        Assert.Equal(mine, await _poster.FindPostedAsync(Channel, Heading, since, default));
    }

    [Fact]
    public async Task Find_ignores_the_heading_posted_by_someone_else()
    {
        var since = DateTimeOffset.UtcNow.AddMinutes(-5);
        _fake.AddMessage(Channel, "**Quote of the day, 23 November 2026**", authorId: "999", bot: true, at: since.AddMinutes(1));
        _fake.AddMessage(Channel, "**Quote of the day, 23 November 2026**", authorId: "998", bot: false, at: since.AddMinutes(2));

        Assert.Null(await _poster.FindPostedAsync(Channel, Heading, since, default));
    }

    [Fact]
    public async Task Find_ignores_the_bots_posts_with_other_headings_and_other_channels()
    {
        var since = DateTimeOffset.UtcNow.AddMinutes(-5);
        _fake.AddMessage(Channel, "**Quote of the day, 22 November 2026**", at: since.AddMinutes(1));
        _fake.AddMessage(Channel, "**Q:** Quote of the day, 23 November 2026", at: since.AddMinutes(2));
        _fake.AddMessage("222", "**Quote of the day, 23 November 2026**", at: since.AddMinutes(3));

        Assert.Null(await _poster.FindPostedAsync(Channel, Heading, since, default));
    }

    [Fact]
    public async Task Find_ignores_posts_from_before_since_and_reads_from_the_snowflake_of_since()
    {
        var since = DateTimeOffset.UtcNow.AddMinutes(-5);
        _fake.AddMessage(Channel, "**Quote of the day, 23 November 2026**", at: since.AddMilliseconds(-1));

        Assert.Null(await _poster.FindPostedAsync(Channel, Heading, since, default));
        var read = Assert.Single(_fake.Requests, r => r.Method == "GET" && r.Path == "channels/111/messages");
        Assert.Equal($"?limit=100&after={FakeDiscordRest.SnowflakeAt(since) - 1}", read.Query);
    }

    [Fact]
    public async Task Find_counts_a_post_at_exactly_since()
    {
        var since = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds());
        var mine = _fake.AddMessage(Channel, "**Quote of the day, 23 November 2026**", at: since);

        Assert.Equal(mine, await _poster.FindPostedAsync(Channel, Heading, since, default));
    }

    [Fact]
    public async Task Find_reads_further_pages_when_the_channel_was_busy()
    {
        var since = DateTimeOffset.UtcNow.AddMinutes(-5);
        for (var i = 0; i < 150; i++)
        {
            _fake.AddMessage(Channel, $"chatter {i}", authorId: "998", bot: false, at: since.AddMilliseconds(10 + i));
        }

        var mine = _fake.AddMessage(Channel, "**Quote of the day, 23 November 2026**", at: since.AddSeconds(1));

        Assert.Equal(mine, await _poster.FindPostedAsync(Channel, Heading, since, default));
        Assert.Equal(2, _fake.Requests.Count(r => r.Path == "channels/111/messages"));
    }

    [Fact]
    public async Task Find_asks_discord_who_the_bot_is_only_once()
    {
        var since = DateTimeOffset.UtcNow.AddMinutes(-5);
        await _poster.FindPostedAsync(Channel, Heading, since, default);
        await _poster.FindPostedAsync(Channel, Heading, since, default);

        Assert.Single(_fake.Requests, r => r.Method == "GET" && r.Path == "users/@me");
    }

    [Fact]
    public async Task Find_in_a_channel_the_bot_cannot_see_is_a_permanent_failure()
    {
        _fake.FailNext("GET", "channels/111/messages", 1, FakeFailure.Error(403, 50001, "Missing Access"));

        var error = await Assert.ThrowsAsync<QotdPostException>(() => _poster.FindPostedAsync(Channel, Heading, DateTimeOffset.UtcNow, default));

        Assert.True(error.Permanent);
    }

    [Fact]
    public async Task Find_that_times_out_is_a_transient_failure()
    {
        _fake.FailNext("GET", "channels/111/messages", 100, FakeFailure.Timeout());

        var error = await Assert.ThrowsAsync<QotdPostException>(() => Impatient().FindPostedAsync(Channel, Heading, DateTimeOffset.UtcNow, default));

        Assert.False(error.Permanent);
    }

    [Fact]
    public async Task Without_a_bot_token_the_poster_says_why_it_is_unavailable()
    {
        var poster = new DiscordQotdPoster(_client, Options.Create(new DiscordOptions { ApplicationId = "1" }), NullLogger<DiscordQotdPoster>.Instance);

        Assert.Equal("Discord:BotToken is not set", poster.Unavailable);
        Assert.Null(_poster.Unavailable);
        Assert.Equal("discord", _poster.Platform);
    }
}
