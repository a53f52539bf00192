using System.Net;
using System.Text.Json;
using InterviewBot.Chat.Tests.Fakes;
using static InterviewBot.Chat.Tests.Slack.SlackPayloads;

namespace InterviewBot.Chat.Tests.Slack;

/// <summary>End to end through the real host's HTTP endpoints against a fake Slack.</summary>
public sealed class SlackHostTests : IAsyncLifetime
{
    private const string Heat = "Why is Heat still the touchstone for action movies?";
    private FakeSlack _fake = null!;
    private SlackTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeSlack.StartAsync();
        _host = await SlackTestHost.StartAsync(_fake);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task A_slash_command_is_acked_at_once_and_answered_later_through_its_response_url()
    {
        var delivery = _fake.Hold("response_url");
        var ack = await _host.PostFormAsync("/slack/commands", Slash("/ask", Heat, _fake.ResponseUrl("cmd1")));
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("", await ack.Content.ReadAsStringAsync());
        Assert.Empty(_fake.Recorder.Named("response_url")); // acked while the answer was still on its way
        delivery.SetResult();
        var answer = await _fake.Recorder.WaitForAsync("response_url", c => c.Target == "cmd1");
        Assert.Equal("in_channel", answer.Str("response_type"));
        Assert.Contains("touchstone", answer.AllText, StringComparison.Ordinal);
        Assert.Contains("Joe Russo", answer.AllText, StringComparison.Ordinal);
        Assert.Null(answer.Authorization);
    }

    [Fact]
    public async Task A_slash_command_with_no_answer_gets_a_short_ephemeral_reply()
    {
        await _host.PostFormAsync("/slack/commands", Slash("/ask", "What does he think of Oppenheimer?", _fake.ResponseUrl("cmd2")));
        var answer = await _fake.Recorder.WaitForAsync("response_url", c => c.Target == "cmd2");
        Assert.Equal("ephemeral", answer.Str("response_type"));
        Assert.Contains("Oppenheimer", answer.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quote_help_and_qotd_answer_through_the_response_url()
    {
        await _host.PostFormAsync("/slack/commands", Slash("/quote", "help", _fake.ResponseUrl("help")));
        await _host.PostFormAsync("/slack/commands", Slash("/qotd", "", _fake.ResponseUrl("qotd")));
        await _host.PostFormAsync("/slack/commands", Slash("/quote", "speaker:\"Joe Russo\" heist", _fake.ResponseUrl("quote")));
        Assert.Contains("speaker:", (await _fake.Recorder.WaitForAsync("response_url", c => c.Target == "help")).AllText, StringComparison.Ordinal);
        Assert.Contains("Quote of the day", (await _fake.Recorder.WaitForAsync("response_url", c => c.Target == "qotd")).AllText, StringComparison.Ordinal);
        Assert.Contains("*Joe Russo*", (await _fake.Recorder.WaitForAsync("response_url", c => c.Target == "quote")).AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_mention_is_answered_in_a_thread_with_the_bot_token()
    {
        var ack = await _host.PostJsonAsync("/slack/events", Event("Ev1", Mention(Heat, "1700000000.000100")).ToJsonString());
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var post = await _fake.Recorder.WaitForAsync("chat.postMessage");
        Assert.Equal(("C1", "1700000000.000100"), (post.Str("channel"), post.Str("thread_ts")));
        Assert.Equal($"Bearer {SlackTestHost.BotToken}", post.Authorization);
        Assert.Contains("touchstone", post.AllText, StringComparison.Ordinal);
        Assert.Single(_fake.Recorder.Named("auth.test"));
    }

    [Fact]
    public async Task A_mention_inside_a_thread_is_answered_in_that_thread()
    {
        await _host.PostJsonAsync("/slack/events", Event("Ev2", Mention(Heat, "1700000050.000100", threadTs: "1700000000.000100")).ToJsonString());
        Assert.Equal("1700000000.000100", (await _fake.Recorder.WaitForAsync("chat.postMessage")).Str("thread_ts"));
    }

    [Fact]
    public async Task A_direct_message_is_answered_in_a_thread()
    {
        await _host.PostJsonAsync("/slack/events", Event("Ev3", DirectMessage(Heat, "1700000001.000200")).ToJsonString());
        var post = await _fake.Recorder.WaitForAsync("chat.postMessage");
        Assert.Equal(("D1", "1700000001.000200"), (post.Str("channel"), post.Str("thread_ts")));
    }

    [Fact]
    public async Task A_mention_with_no_answer_gets_an_ephemeral_reply_for_the_asker()
    {
        await _host.PostJsonAsync("/slack/events", Event("Ev4", Mention("What does he think of Oppenheimer?", "1700000002.000100")).ToJsonString());
        var post = await _fake.Recorder.WaitForAsync("chat.postEphemeral");
        Assert.Equal(("C1", "U1"), (post.Str("channel"), post.Str("user")));
        await _host.Work.WhenIdleAsync();
        Assert.Empty(_fake.Recorder.Named("chat.postMessage"));
    }

    [Fact]
    public async Task A_retried_event_is_answered_once()
    {
        var body = Event("Ev5", Mention(Heat, "1700000003.000100")).ToJsonString();
        Assert.Equal(HttpStatusCode.OK, (await _host.PostJsonAsync("/slack/events", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.PostJsonAsync("/slack/events", body, retryNum: 1)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.PostJsonAsync("/slack/events", body, retryNum: 2)).StatusCode);
        await _fake.Recorder.WaitForAsync("chat.postMessage");
        await _host.Work.WhenIdleAsync();
        Assert.Single(_fake.Recorder.Named("chat.postMessage"));
    }

    [Fact]
    public async Task Bot_messages_its_own_messages_subtypes_and_plain_channel_messages_are_ignored()
    {
        var bot = DirectMessage(Heat, "1.1");
        bot["bot_id"] = "B2";
        var own = DirectMessage(Heat, "1.2", user: FakeSlack.BotUserId);
        var edited = DirectMessage(Heat, "1.3");
        edited["subtype"] = "message_changed";
        var channel = DirectMessage(Heat, "1.4");
        channel["channel_type"] = "channel";
        var i = 0;
        foreach (var ev in new[] { bot, own, edited, channel })
        {
            await _host.PostJsonAsync("/slack/events", Event($"EvIgnored{i++}", ev).ToJsonString());
        }

        await _host.Work.WhenIdleAsync();
        Assert.DoesNotContain(_fake.Recorder.Calls, c => c.Name.StartsWith("chat.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_url_verification_challenge_is_echoed()
    {
        var response = await _host.PostJsonAsync("/slack/events", """{"token":"t","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", json.RootElement.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task A_rate_limited_reply_is_retried_after_Retry_After()
    {
        _fake.ScriptRateLimit("chat.postMessage", 1);
        await _host.PostJsonAsync("/slack/events", Event("Ev6", Mention(Heat, "1700000004.000100")).ToJsonString());
        var posts = 0;
        await _fake.Recorder.WaitForAsync(c => c.Name == "chat.postMessage" && ++posts == 2);
        await _host.Work.WhenIdleAsync();
        var calls = _fake.Recorder.Named("chat.postMessage");
        Assert.Equal(2, calls.Count);
        Assert.Equal(calls[0].Body, calls[1].Body);
    }

    [Theory]
    [InlineData("v0=0000000000000000000000000000000000000000000000000000000000000000", 0)]
    [InlineData(null, -600)]
    [InlineData("", 0)]
    public async Task Requests_with_a_wrong_stale_or_missing_signature_get_401_and_no_answer(string? signature, int skew)
    {
        var path = "/slack/commands";
        var body = SlackTestHost.Form(Slash("/ask", Heat, _fake.ResponseUrl("forged")));
        var response = signature == ""
            ? await _host.Http.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"))
            : await _host.PostSignedAsync(path, "application/x-www-form-urlencoded", body, signature: signature, timestamp: DateTimeOffset.UtcNow.ToUnixTimeSeconds() + skew);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await _host.Work.WhenIdleAsync();
        Assert.Empty(_fake.Recorder.Calls);
    }
}
