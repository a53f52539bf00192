using System.Diagnostics;
using System.Text.Json.Nodes;
using InterviewBot.Chat.Slack;
using InterviewBot.Chat.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Tests.Slack;

public sealed class SlackWebApiTests : IAsyncLifetime
{
    private FakeSlack _fake = null!;
    private SlackWebApi _api = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeSlack.StartAsync();
        _api = Create(_fake);
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    internal static SlackWebApi Create(FakeSlack fake) =>
        new(new SimpleHttpClientFactory(), Options.Create(new SlackOptions { BotToken = "xoxb-test", AppToken = "xapp-test", ApiBaseUrl = fake.BaseUrl }),
            TimeProvider.System, NullLogger<SlackWebApi>.Instance)
        { RetryBaseDelay = TimeSpan.FromMilliseconds(10) };

    private static JsonObject Message() => new() { ["text"] = "hello" };

    [Fact]
    public async Task Post_message_sends_json_with_the_bot_token_only_in_the_authorization_header()
    {
        var ts = await _api.PostMessageAsync("C1", Message(), "1700000000.000100", default);
        var call = Assert.Single(_fake.Recorder.Named("chat.postMessage"));
        Assert.Equal("Bearer xoxb-test", call.Authorization);
        Assert.StartsWith("application/json", call.ContentType, StringComparison.Ordinal);
        Assert.Equal("C1", call.Str("channel"));
        Assert.Equal("1700000000.000100", call.Str("thread_ts"));
        Assert.DoesNotContain("xoxb", call.Body, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(ts));
    }

    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_seconds()
    {
        _fake.ScriptRateLimit("chat.postMessage", 1);
        var watch = Stopwatch.StartNew();
        await _api.PostMessageAsync("C1", Message(), null, default);
        Assert.Equal(2, _fake.Recorder.Named("chat.postMessage").Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {watch.Elapsed}");
    }

    [Fact]
    public async Task Endless_429s_give_up_with_the_rate_limit_error()
    {
        _api.MaxRateLimitRetries = 1;
        _fake.ScriptRateLimit("chat.update", 0);
        _fake.ScriptRateLimit("chat.update", 0);
        var e = await Assert.ThrowsAsync<SlackApiException>(() => _api.UpdateAsync("C1", "1.2", Message(), default));
        Assert.Equal((429, "ratelimited"), (e.Status, e.Error));
    }

    [Fact]
    public async Task Ok_false_surfaces_Slacks_error_code_without_retrying()
    {
        _fake.ScriptError("chat.postMessage", "channel_not_found");
        var e = await Assert.ThrowsAsync<SlackApiException>(() => _api.PostMessageAsync("C404", Message(), null, default));
        Assert.Equal("channel_not_found", e.Error);
        Assert.Equal("chat.postMessage", e.Method);
        Assert.Contains("channel_not_found", e.Message, StringComparison.Ordinal);
        Assert.Single(_fake.Recorder.Named("chat.postMessage"));
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff()
    {
        _fake.Script("chat.postEphemeral", 503, new JsonObject { ["ok"] = false });
        _fake.Script("chat.postEphemeral", 500, new JsonObject { ["ok"] = false });
        await _api.PostEphemeralAsync("C1", "U1", Message(), null, default);
        Assert.Equal(3, _fake.Recorder.Named("chat.postEphemeral").Count);
    }

    [Fact]
    public async Task Auth_test_returns_the_bots_own_user_id()
    {
        var identity = await _api.AuthTestAsync(default);
        Assert.Equal(FakeSlack.BotUserId, identity.UserId);
        Assert.Equal(FakeSlack.BotId, identity.BotId);
    }

    [Fact]
    public async Task Apps_connections_open_uses_the_app_level_token_and_returns_a_websocket_url()
    {
        var url = await _api.OpenConnectionAsync(default);
        Assert.Equal("ws", url.Scheme);
        Assert.Equal("Bearer xapp-test", Assert.Single(_fake.Recorder.Named("apps.connections.open")).Authorization);
    }

    [Fact]
    public async Task A_response_url_post_carries_no_token()
    {
        await _api.RespondAsync(_fake.ResponseUrl("r1"), Message(), default);
        var call = Assert.Single(_fake.Recorder.Named("response_url"));
        Assert.Null(call.Authorization);
        Assert.Equal("r1", call.Target);
    }

    [Fact]
    public async Task A_response_url_error_surfaces_its_code()
    {
        _fake.Script("response_url", 404, new JsonObject { ["ok"] = false, ["error"] = "expired_url" });
        var e = await Assert.ThrowsAsync<SlackApiException>(() => _api.RespondAsync(_fake.ResponseUrl("r1"), Message(), default));
        Assert.Equal("expired_url", e.Error);
    }
}

/// <summary>A new HttpClient per call, as IHttpClientFactory hands out.</summary>
internal sealed class SimpleHttpClientFactory : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new();
}
