using System.Net;
using System.Text.Json;
using InterviewBot.Chat.Tests.Fakes;
using static InterviewBot.Chat.Tests.Slack.SlackPayloads;

namespace InterviewBot.Chat.Tests.Slack;

/// <summary>"More quotes" and "Context" clicks, end to end: the buttons come from a real /ask answer.</summary>
public sealed class SlackButtonClickTests : IAsyncLifetime
{
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

    private async Task<(FakeSlackCall Answer, List<(string ActionId, string Value)> Buttons)> AskAsync()
    {
        await _host.PostFormAsync("/slack/commands", Slash("/ask", "What does Joe Russo say about Heat?", _fake.ResponseUrl("ask")));
        var answer = await _fake.Recorder.WaitForAsync("response_url", c => c.Target == "ask");
        var buttons = answer.Json.GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .Select(e => (e.GetProperty("action_id").GetString()!, e.GetProperty("value").GetString()!)).ToList();
        return (answer, buttons);
    }

    private static string[] QuoteSections(JsonElement message) =>
        message.GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "section" && b.GetProperty("text").GetProperty("text").GetString()!.StartsWith("> ", StringComparison.Ordinal))
            .Select(b => b.GetProperty("text").GetProperty("text").GetString()!).ToArray();

    [Fact]
    public async Task More_quotes_replaces_the_message_with_the_next_page()
    {
        var (first, buttons) = await AskAsync();
        var more = buttons.Single(b => b.ActionId == "more");
        var ack = await _host.PostFormAsync("/slack/interactivity", Interaction(BlockActions(more.ActionId, more.Value, _fake.ResponseUrl("more"))));
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var next = await _fake.Recorder.WaitForAsync("response_url", c => c.Target == "more");
        Assert.True(next.Json.GetProperty("replace_original").GetBoolean());
        Assert.NotEmpty(QuoteSections(next.Json));
        Assert.Empty(QuoteSections(first.Json).Intersect(QuoteSections(next.Json)));
        Assert.Contains("*Q:* What does Joe Russo say about Heat?", next.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Context_answers_privately_without_touching_the_message()
    {
        var (_, buttons) = await AskAsync();
        var context = buttons.First(b => b.ActionId.StartsWith("context", StringComparison.Ordinal));
        await _host.PostFormAsync("/slack/interactivity", Interaction(BlockActions(context.ActionId, context.Value, _fake.ResponseUrl("ctx"))));
        var reply = await _fake.Recorder.WaitForAsync("response_url", c => c.Target == "ctx");
        Assert.Equal("ephemeral", reply.Str("response_type"));
        Assert.False(reply.Json.GetProperty("replace_original").GetBoolean());
        Assert.Contains("*Context*", reply.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_click_with_a_forged_signature_is_refused()
    {
        var body = SlackTestHost.Form(Interaction(BlockActions("more", """{"q":"x","k":3}""", _fake.ResponseUrl("forged"))));
        var response = await _host.PostSignedAsync("/slack/interactivity", "application/x-www-form-urlencoded", body, signature: "v0=" + new string('1', 64));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await _host.Work.WhenIdleAsync();
        Assert.Empty(_fake.Recorder.Named("response_url"));
    }
}
