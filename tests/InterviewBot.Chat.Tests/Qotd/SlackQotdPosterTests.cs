using System.Globalization;
using System.Text.Json.Nodes;
using InterviewBot.Chat.Qotd;
using InterviewBot.Chat.Slack;
using InterviewBot.Chat.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Tests.Qotd;

public sealed class SlackQotdPosterTests : IAsyncLifetime
{
    private const string Heading = "Quote of the day, 23 November 2026";
    private const string Channel = "C111";
    private FakeSlack _fake = null!;
    private SlackWebApi _api = null!;
    private SlackQotdPoster _poster = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeSlack.StartAsync();
        _api = Api(_fake);
        _poster = new SlackQotdPoster(_api, Options.Create(new SlackOptions { BotToken = "xoxb-test" }), NullLogger<SlackQotdPoster>.Instance);
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private SlackQotdPoster Impatient() =>
        new(Api(_fake, TimeSpan.FromMilliseconds(300)), Options.Create(new SlackOptions { BotToken = "xoxb-test" }), NullLogger<SlackQotdPoster>.Instance);

    /// <summary>A client with quick retries, two attempts for 5xx and timeouts and one 429 tolerated per call;
    /// <paramref name="timeout"/> (10 s by default) short where the fake never answers.</summary>
    internal static SlackWebApi Api(FakeSlack fake, TimeSpan? timeout = null) =>
        new(new TimeoutHttpClientFactory(timeout ?? TimeSpan.FromSeconds(10)), Options.Create(new SlackOptions { BotToken = "xoxb-test", ApiBaseUrl = fake.BaseUrl }),
            TimeProvider.System, NullLogger<SlackWebApi>.Instance)
        {
            RetryBaseDelay = TimeSpan.FromMilliseconds(5), MaxAttempts = 2, MaxRateLimitRetries = 1,
        };

    [Fact]
    public async Task A_post_looks_exactly_like_quote_in_blocks_and_returns_the_ts()
    {
        var ts = await _poster.PostAsync(Channel, DiscordQotdPosterTests.Reply(), default);

        var call = Assert.Single(_fake.Recorder.Named("chat.postMessage"));
        var body = JsonNode.Parse(call.Body)!.AsObject();
        var expected = SlackRenderer.Render(DiscordQotdPosterTests.Reply());
        Assert.True(JsonNode.DeepEquals(expected["blocks"], body["blocks"]));
        Assert.Equal((string?)expected["text"], (string?)body["text"]);
        Assert.Equal("*Quote of the day, 23 November 2026*", (string?)body["blocks"]![0]!["text"]!["text"]);
        Assert.Equal(Channel, (string?)body["channel"]);
        Assert.Equal("Bearer xoxb-test", call.Authorization);
        Assert.Equal(ts, (string?)Assert.Single(_fake.Workspace.Messages(Channel))["ts"]);
    }

    [Fact]
    public async Task A_5xx_on_a_post_is_transient_and_not_retried_blindly_because_it_may_have_posted()
    {
        _fake.Script("chat.postMessage", 503, new JsonObject { ["ok"] = false });

        var error = await Assert.ThrowsAsync<QotdPostException>(() => _poster.PostAsync(Channel, DiscordQotdPosterTests.Reply(), default));

        Assert.False(error.Permanent);
        Assert.Equal(503, Assert.IsType<SlackApiException>(error.InnerException).Status);
        Assert.Single(_fake.Recorder.Named("chat.postMessage"));
    }

    [Fact]
    public async Task A_single_429_is_waited_out_by_the_client_and_the_post_goes_through()
    {
        _fake.ScriptRateLimit("chat.postMessage", 0);

        var ts = await _poster.PostAsync(Channel, DiscordQotdPosterTests.Reply(), default);

        Assert.Equal(2, _fake.Recorder.Named("chat.postMessage").Count);
        Assert.Equal(ts, (string?)Assert.Single(_fake.Workspace.Messages(Channel))["ts"]);
    }

    [Fact]
    public async Task Persistent_429s_are_a_transient_failure()
    {
        _fake.ScriptRateLimit("chat.postMessage", 0);
        _fake.ScriptRateLimit("chat.postMessage", 0);

        var error = await Assert.ThrowsAsync<QotdPostException>(() => _poster.PostAsync(Channel, DiscordQotdPosterTests.Reply(), default));

        Assert.False(error.Permanent);
        Assert.Equal((429, "ratelimited"), (Assert.IsType<SlackApiException>(error.InnerException).Status, ((SlackApiException)error.InnerException!).Error));
        Assert.Empty(_fake.Workspace.Messages(Channel));
    }

    [Fact]
    public async Task A_timeout_is_a_transient_failure()
    {
        _fake.ScriptTimeout("chat.postMessage");

        var error = await Assert.ThrowsAsync<QotdPostException>(() => Impatient().PostAsync(Channel, DiscordQotdPosterTests.Reply(), default));

        Assert.False(error.Permanent);
        Assert.Equal(0, Assert.IsType<SlackApiException>(error.InnerException).Status);
        Assert.Single(_fake.Recorder.Named("chat.postMessage"));
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("not_in_channel")]
    [InlineData("is_archived")]
    [InlineData("invalid_auth")]
    [InlineData("token_revoked")]
    [InlineData("missing_scope")]
    [InlineData("msg_too_long")]
    [InlineData("ekm_access_denied")]
    public async Task Errors_that_will_not_go_away_are_permanent(string slackError)
    {
        _fake.ScriptError("chat.postMessage", slackError);

        var error = await Assert.ThrowsAsync<QotdPostException>(() => _poster.PostAsync(Channel, DiscordQotdPosterTests.Reply(), default));

        Assert.True(error.Permanent);
        Assert.Contains(slackError, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xoxb-test", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("internal_error")]
    [InlineData("fatal_error")]
    [InlineData("service_unavailable")]
    [InlineData("request_timeout")]
    [InlineData("an_error_this_code_does_not_know")]
    public async Task Slacks_own_failures_are_transient(string slackError)
    {
        _fake.ScriptError("chat.postMessage", slackError);

        var error = await Assert.ThrowsAsync<QotdPostException>(() => _poster.PostAsync(Channel, DiscordQotdPosterTests.Reply(), default));

        Assert.False(error.Permanent);
    }

    [Fact]
    public async Task A_post_that_landed_but_whose_response_was_lost_is_found_afterwards()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        _fake.LoseResponseNext("chat.postMessage");

        var error = await Assert.ThrowsAsync<QotdPostException>(() => Impatient().PostAsync(Channel, DiscordQotdPosterTests.Reply(), default));
        var found = await _poster.FindPostedAsync(Channel, Heading, since, default);

        Assert.False(error.Permanent);
        Assert.Equal((string?)Assert.Single(_fake.Workspace.Messages(Channel))["ts"], found);
    }

    [Fact]
    public async Task Find_returns_the_bots_own_post_with_that_heading()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        _fake.Workspace.AddMessage(Channel, "*Quote of the day, 22 November 2026*");
        var mine = await _poster.PostAsync(Channel, DiscordQotdPosterTests.Reply(), default);
        _fake.Workspace.AddMessage(Channel, "unrelated chatter", user: "U2");

        Assert.Equal(mine, await _poster.FindPostedAsync(Channel, Heading, since, default));
    }

    [Fact]
    public async Task Find_recognises_the_heading_in_the_text_when_there_are_no_blocks()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var mine = _fake.Workspace.AddMessage(Channel, "*Quote of the day, 23 November 2026*\n“Heat.” — Joe Russo");

        Assert.Equal(mine, await _poster.FindPostedAsync(Channel, Heading, since, default));
    }

    [Fact]
    public async Task Find_ignores_the_heading_posted_by_someone_else_and_other_headings()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        _fake.Workspace.AddMessage(Channel, "*Quote of the day, 23 November 2026*", user: "U2");
        _fake.Workspace.AddMessage(Channel, "*Quote of the day, 22 November 2026*");
        _fake.Workspace.AddMessage("C222", "*Quote of the day, 23 November 2026*");

        Assert.Null(await _poster.FindPostedAsync(Channel, Heading, since, default));
    }

    [Fact]
    public async Task Find_ignores_posts_from_before_since_and_asks_for_history_from_since()
    {
        var since = DateTimeOffset.UtcNow.AddMinutes(-5);
        _fake.Workspace.AddMessage(Channel, "*Quote of the day, 23 November 2026*", at: since.AddMilliseconds(-5));

        Assert.Null(await _poster.FindPostedAsync(Channel, Heading, since, default));
        var call = Assert.Single(_fake.Recorder.Named("conversations.history"));
        Assert.Equal(Channel, call.Arg("channel"));
        Assert.Equal((since.ToUnixTimeMilliseconds() / 1000m).ToString("F6", CultureInfo.InvariantCulture), call.Arg("oldest"));
        Assert.Equal(("true", "100"), (call.Arg("inclusive"), call.Arg("limit")));
        Assert.Equal("Bearer xoxb-test", call.Authorization);
        Assert.Empty(call.Body);
    }

    [Fact]
    public async Task Find_reads_further_pages_when_the_channel_was_busy()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var mine = await _poster.PostAsync(Channel, DiscordQotdPosterTests.Reply(), default);
        for (var i = 0; i < 150; i++)
        {
            _fake.Workspace.AddMessage(Channel, $"chatter {i}", user: "U2");
        }

        Assert.Equal(mine, await _poster.FindPostedAsync(Channel, Heading, since, default));
        Assert.Equal(2, _fake.Recorder.Named("conversations.history").Count);
    }

    [Fact]
    public async Task Find_asks_slack_who_the_bot_is_only_once()
    {
        await _poster.FindPostedAsync(Channel, Heading, DateTimeOffset.UtcNow, default);
        await _poster.FindPostedAsync(Channel, Heading, DateTimeOffset.UtcNow, default);

        Assert.Single(_fake.Recorder.Named("auth.test"));
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("not_in_channel")]
    [InlineData("missing_scope")]
    public async Task Find_in_a_channel_the_bot_cannot_read_is_a_permanent_failure(string slackError)
    {
        _fake.ScriptError("conversations.history", slackError);

        var error = await Assert.ThrowsAsync<QotdPostException>(() => _poster.FindPostedAsync(Channel, Heading, DateTimeOffset.UtcNow, default));

        Assert.True(error.Permanent);
    }

    [Fact]
    public async Task Find_that_keeps_timing_out_is_a_transient_failure()
    {
        _fake.ScriptTimeout("conversations.history");
        _fake.ScriptTimeout("conversations.history");

        var error = await Assert.ThrowsAsync<QotdPostException>(() => Impatient().FindPostedAsync(Channel, Heading, DateTimeOffset.UtcNow, default));

        Assert.False(error.Permanent);
        Assert.Equal(_api.MaxAttempts, _fake.Recorder.Named("conversations.history").Count);
    }

    [Fact]
    public async Task Without_a_bot_token_the_poster_says_why_it_is_unavailable()
    {
        var poster = new SlackQotdPoster(_api, Options.Create(new SlackOptions()), NullLogger<SlackQotdPoster>.Instance);

        Assert.Equal("Slack:BotToken is not set", poster.Unavailable);
        Assert.Null(_poster.Unavailable);
        Assert.Equal("slack", _poster.Platform);
    }

    /// <summary>A new HttpClient per call with a short timeout, so a fake that never answers ends quickly.</summary>
    private sealed class TimeoutHttpClientFactory(TimeSpan timeout) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new() { Timeout = timeout };
    }
}
