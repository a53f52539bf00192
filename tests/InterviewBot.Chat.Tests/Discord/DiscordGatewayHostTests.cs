using System.Text.Json.Nodes;
using InterviewBot.Chat.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InterviewBot.Chat.Tests.Discord;

/// <summary>The real host connected to a fake Discord gateway and REST API: mentions, DMs, gateway interactions,
/// reconnects and rate limits, end to end.</summary>
public sealed class DiscordGatewayHostTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private DiscordTestHost _host = null!;

    private FakeDiscordGateway Gateway => _host.Gateway;

    private FakeDiscordRest Rest => _host.Rest;

    public async Task InitializeAsync()
    {
        _host = await DiscordTestHost.StartAsync();
        await Gateway.WaitForOpAsync(2, Wait);
        await WaitUntilReadyAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_bot_identifies_with_its_token_and_the_minimal_intents()
    {
        var identify = await Gateway.WaitForOpAsync(2, Wait);
        Assert.Equal(Rest.BotToken, identify.Data.GetProperty("token").GetString());
        Assert.Equal(512 | 4096, identify.Data.GetProperty("intents").GetInt32());
    }

    [Fact]
    public async Task A_mention_in_a_channel_is_answered_as_a_reply_that_pings_no_one()
    {
        await Gateway.SendDispatchAsync("MESSAGE_CREATE", Message("7001", $"<@{Gateway.BotUserId}> why is Heat still the touchstone for action movies?", guild: true, mention: true));
        var reply = await ReplyTo("7001");
        Assert.Equal("{\"parse\":[]}", reply.Json!["allowed_mentions"]!.ToJsonString());
        Assert.Equal("7001", reply.Json["message_reference"]!["message_id"]!.GetValue<string>());
        Assert.Contains("touchstone", reply.Body, StringComparison.Ordinal);
        Assert.Equal($"Bot {Rest.BotToken}", reply.Header("Authorization"));
    }

    [Fact]
    public async Task A_direct_message_is_answered_without_a_mention()
    {
        await Gateway.SendDispatchAsync("MESSAGE_CREATE", Message("7002", "What does Joe Russo say about the bank heist in Heat?", guild: false, mention: false));
        var reply = await ReplyTo("7002");
        Assert.Contains("Joe Russo", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bots_the_bot_itself_and_unmentioned_channel_messages_are_ignored()
    {
        var fromBot = Message("7003", $"<@{Gateway.BotUserId}> Heat?", guild: true, mention: true);
        fromBot["author"]!["bot"] = true;
        var fromSelf = Message("7004", "Heat?", guild: false, mention: false);
        fromSelf["author"]!["id"] = Gateway.BotUserId;
        await Gateway.SendDispatchAsync("MESSAGE_CREATE", fromBot);
        await Gateway.SendDispatchAsync("MESSAGE_CREATE", fromSelf);
        await Gateway.SendDispatchAsync("MESSAGE_CREATE", Message("7005", "Heat is great", guild: true, mention: false));
        await Gateway.SendDispatchAsync("MESSAGE_CREATE", Message("7006", "Why is Heat hard to beat?", guild: false, mention: false));
        await ReplyTo("7006");
        Assert.DoesNotContain(Rest.Requests, r => r.Body.Contains("\"7003\"", StringComparison.Ordinal)
            || r.Body.Contains("\"7004\"", StringComparison.Ordinal) || r.Body.Contains("\"7005\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_gateway_interaction_is_answered_through_the_callback_endpoint()
    {
        var interaction = Interactions.Command("ask", ("question", "Why is Heat still the touchstone for action movies?"));
        await Gateway.SendDispatchAsync("INTERACTION_CREATE", interaction);
        var id = interaction["id"]!.GetValue<string>();
        var token = interaction["token"]!.GetValue<string>();
        var callback = await Rest.WaitForAsync(r => r.Method == "POST" && r.Path == $"interactions/{id}/{token}/callback", Wait);
        Assert.Equal(4, callback.Json!["type"]!.GetValue<int>());
        Assert.Contains("touchstone", callback.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reconnect_request_resumes_the_session_and_keeps_answering()
    {
        var session = Gateway.SessionId;
        await Gateway.SendReconnectAsync();
        var resume = await Gateway.WaitForOpAsync(6, Wait);
        Assert.Equal(session, resume.Data.GetProperty("session_id").GetString());
        Assert.True(Gateway.Connections[resume.Connection].IsResumeUrl);
        await WaitUntilReadyAsync();
        await Gateway.SendDispatchAsync("MESSAGE_CREATE", Message("7007", "Why is Heat hard to beat?", guild: false, mention: false));
        await ReplyTo("7007");
    }

    [Fact]
    public async Task An_invalid_session_identifies_again()
    {
        await Gateway.SendInvalidSessionAsync(resumable: false);
        var second = await Gateway.WaitForFrameAsync(f => f.Op == 2 && f.Connection > 0, Wait);
        Assert.Equal(Rest.BotToken, second.Data.GetProperty("token").GetString());
        Assert.DoesNotContain(Gateway.Frames, f => f.Op == 6);
    }

    [Fact]
    public async Task A_rate_limited_reply_waits_and_is_still_delivered()
    {
        Rest.FailNext("POST", "channels/", 1, FakeFailure.RateLimited(0.3));
        await Gateway.SendDispatchAsync("MESSAGE_CREATE", Message("7008", "Why is Heat hard to beat?", guild: false, mention: false));
        await ReplyTo("7008");
        var retry = await Rest.WaitForAsync(r => r.Method == "POST" && r.Body.Contains("\"7008\"", StringComparison.Ordinal)
            && Rest.Requests.Count(o => o.Body.Contains("\"7008\"", StringComparison.Ordinal) && o.At < r.At) == 1, Wait);
        var first = Rest.Requests.First(r => r.Body.Contains("\"7008\"", StringComparison.Ordinal));
        Assert.True(retry.At - first.At >= TimeSpan.FromSeconds(0.25), $"retried after {retry.At - first.At}");
        Assert.Equal(first.Body, retry.Body);
        Assert.Equal(2, Rest.Requests.Count(r => r.Body.Contains("\"7008\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_fatal_close_code_stops_the_host()
    {
        var stopping = _host.App.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var stopped = new TaskCompletionSource();
        stopping.Register(() => stopped.TrySetResult());
        try
        {
            await Gateway.CloseAsync(4004, "Authentication failed.");
            await stopped.Task.WaitAsync(Wait);
            Assert.Equal(1, Environment.ExitCode);
        }
        finally
        {
            Environment.ExitCode = 0;
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        // The bot can answer once it has read READY (or RESUMED): a DM round trip proves it.
        for (var i = 0; i < 200 && Gateway.Current is not { Authenticated: true }; i++)
        {
            await Task.Delay(25);
        }
    }

    private Task<RecordedRequest> ReplyTo(string messageId) =>
        Rest.WaitForAsync(r => r.Method == "POST" && r.Path == "channels/400/messages"
            && r.Json?["message_reference"]?["message_id"]?.GetValue<string>() == messageId, Wait);

    private JsonObject Message(string id, string content, bool guild, bool mention)
    {
        var message = new JsonObject
        {
            ["id"] = id, ["channel_id"] = "400", ["content"] = content, ["type"] = 0,
            ["author"] = new JsonObject { ["id"] = "500", ["username"] = "asker" },
            ["mentions"] = mention ? new JsonArray(new JsonObject { ["id"] = Gateway.BotUserId, ["username"] = Gateway.BotUsername, ["bot"] = true }) : new JsonArray(),
        };
        if (guild)
        {
            message["guild_id"] = "300";
        }

        return message;
    }
}
