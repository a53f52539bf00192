using System.Net;
using InterviewBot.Chat.Slack;
using InterviewBot.Chat.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using static InterviewBot.Chat.Tests.Slack.SlackPayloads;

namespace InterviewBot.Chat.Tests.Slack;

/// <summary>Socket Mode end to end: the real host connects to the fake's WebSocket server.</summary>
public sealed class SlackSocketModeTests : IAsyncLifetime
{
    private const string Heat = "Why is Heat still the touchstone for action movies?";
    private FakeSlack _fake = null!;
    private SlackTestHost? _host;

    public async Task InitializeAsync() => _fake = await FakeSlack.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _fake.DisposeAsync();
    }

    private async Task<SlackTestHost> StartAsync() => _host = await SlackTestHost.StartAsync(_fake, http: false, socketMode: true);

    [Fact]
    public async Task Every_envelope_is_acked_and_a_slash_command_is_answered_through_its_response_url()
    {
        await StartAsync();
        var socket = await _fake.SocketAsync(1);
        var id = await socket.SendEnvelopeAsync("slash_commands", SlashJson("/ask", Heat, _fake.ResponseUrl("sock-cmd")), acceptsResponsePayload: true);
        var ack = await socket.WaitForAckAsync(id);
        Assert.Equal(id, ack.GetProperty("envelope_id").GetString());
        var answer = await _fake.Recorder.WaitForAsync("response_url", c => c.Target == "sock-cmd");
        Assert.Contains("touchstone", answer.AllText, StringComparison.Ordinal);
        Assert.Equal("Bearer " + SlackTestHost.AppToken, Assert.Single(_fake.Recorder.Named("apps.connections.open")).Authorization);
    }

    [Fact]
    public async Task An_app_mention_and_a_button_click_over_the_socket_are_answered()
    {
        await StartAsync();
        var socket = await _fake.SocketAsync(1);
        await socket.SendEnvelopeAsync("events_api", Event("EvS1", Mention(Heat, "1700000010.000100")));
        var post = await _fake.Recorder.WaitForAsync("chat.postMessage");
        Assert.Equal("1700000010.000100", post.Str("thread_ts"));
        await socket.SendEnvelopeAsync("interactive", BlockActions("more", """{"q":"Why is Heat still the touchstone?","k":3}""", _fake.ResponseUrl("sock-more")));
        Assert.True((await _fake.Recorder.WaitForAsync("response_url", c => c.Target == "sock-more")).Json.GetProperty("replace_original").GetBoolean());
    }

    [Fact]
    public async Task On_refresh_requested_the_new_connection_opens_before_the_old_closes_and_the_acked_event_is_still_answered()
    {
        await StartAsync();
        var first = await _fake.SocketAsync(1);
        var delivery = _fake.Hold("chat.postMessage");
        var id = await first.SendEnvelopeAsync("events_api", Event("EvS2", Mention(Heat, "1700000020.000100")));
        await first.WaitForAckAsync(id);
        await first.DisconnectAsync("refresh_requested");

        var second = await _fake.SocketAsync(2);
        await first.Closed;
        Assert.True(second.HelloSeq < first.ClosedSeq, "the old connection closed before the new one said hello");

        delivery.SetResult(); // the acked event's reply was held until the old connection was gone
        var post = await _fake.Recorder.WaitForAsync("chat.postMessage");
        Assert.Equal("1700000020.000100", post.Str("thread_ts"));

        var next = await second.SendEnvelopeAsync("events_api", Event("EvS3", Mention(Heat, "1700000030.000100")));
        await second.WaitForAckAsync(next);
        await _fake.Recorder.WaitForAsync("chat.postMessage", c => c.Str("thread_ts") == "1700000030.000100");
    }

    [Fact]
    public async Task A_warning_and_a_dropped_socket_also_lead_to_a_new_connection()
    {
        await StartAsync();
        await (await _fake.SocketAsync(1)).DisconnectAsync("warning");
        var second = await _fake.SocketAsync(2);
        await second.DisconnectAsync("too_many_websockets");
        var third = await _fake.SocketAsync(3);
        var id = await third.SendEnvelopeAsync("events_api", Event("EvS4", Mention(Heat, "1700000040.000100")));
        await third.WaitForAckAsync(id);
        await _fake.Recorder.WaitForAsync("chat.postMessage", c => c.Str("thread_ts") == "1700000040.000100");
    }

    [Fact]
    public async Task A_redelivered_envelope_for_the_same_event_is_answered_once()
    {
        var host = await StartAsync();
        var socket = await _fake.SocketAsync(1);
        var payload = Event("EvS5", Mention(Heat, "1700000050.000100"));
        await socket.WaitForAckAsync(await socket.SendEnvelopeAsync("events_api", payload));
        await socket.WaitForAckAsync(await socket.SendEnvelopeAsync("events_api", payload.DeepClone()));
        await _fake.Recorder.WaitForAsync("chat.postMessage");
        await host.Work.WhenIdleAsync();
        Assert.Single(_fake.Recorder.Named("chat.postMessage"));
    }

    [Fact]
    public async Task Link_disabled_stops_socket_mode_without_reconnecting()
    {
        var host = await StartAsync();
        await (await _fake.SocketAsync(1)).DisconnectAsync("link_disabled");
        await host.Services.GetRequiredService<SlackSocketMode>().ExecuteTask!.WaitAsync(FakeSlackRecorder.DefaultTimeout);
        Assert.Single(_fake.Recorder.Named("apps.connections.open"));
    }

    [Fact]
    public async Task An_app_token_slack_rejects_stops_the_host()
    {
        _fake.ScriptError("apps.connections.open", "invalid_auth");
        await using var app = SlackHostBuilder.Build(SlackTestHost.Settings(_fake, http: false, socketMode: true));
        var stopping = new TaskCompletionSource();
        app.Lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
        try
        {
            await app.StartAsync();
        }
        catch (OperationCanceledException)
        {
            // Stopped while still starting: the same outcome.
        }

        await stopping.Task.WaitAsync(FakeSlackRecorder.DefaultTimeout);
        Assert.Single(_fake.Recorder.Named("apps.connections.open"));
        await app.StopAsync();
    }

    [Fact]
    public async Task Without_a_signing_secret_the_http_endpoints_are_not_mapped()
    {
        var host = await StartAsync();
        var response = await host.PostJsonAsync("/slack/events", """{"type":"url_verification","challenge":"x"}""");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
