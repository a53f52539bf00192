using System.Text.Json.Nodes;
using static InterviewBot.Chat.Tests.Operations.PrometheusText;

namespace InterviewBot.Chat.Tests.Operations;

/// <summary>Per-user and per-channel rate limits on the real host: a refused request still gets an answer, a friendly
/// one, with a normal status.</summary>
public sealed class RateLimitEndToEndTests
{
    private const string Question = "Why is Heat still the touchstone for action movies?";
    private const string Friendly = "You're asking faster than I can answer; try again in ";

    /// <summary>2 asks per user and 3 per channel, refilled only after an hour: nothing refills during a test.</summary>
    private static readonly Dictionary<string, string?> Tight = new()
    {
        ["RateLimits:User:Burst"] = "2",
        ["RateLimits:User:TokensPerPeriod"] = "2",
        ["RateLimits:User:Period"] = "01:00:00",
        ["RateLimits:Channel:Burst"] = "3",
        ["RateLimits:Channel:TokensPerPeriod"] = "3",
        ["RateLimits:Channel:Period"] = "01:00:00",
    };

    [Fact]
    public async Task On_Discord_the_ask_after_a_users_burst_gets_a_private_friendly_reply_and_others_in_the_channel_go_on()
    {
        await using var host = await OpsHost.StartAsync(Tight);
        Assert.Null(Notice(await host.InteractAsync(OpsHost.Ask(Question, user: "501"))));
        Assert.Null(Notice(await host.InteractAsync(OpsHost.Ask(Question, user: "501"))));

        var refused = await host.InteractAsync(OpsHost.Ask(Question, user: "501"));
        Assert.Equal(4, refused["type"]!.GetValue<int>()); // an immediate message, not a deferral nor an error
        Assert.StartsWith(Friendly, Notice(refused), StringComparison.Ordinal);
        Assert.Equal(64, refused["data"]!["flags"]!.GetValue<int>() & 64); // only the asker sees it

        Assert.Null(Notice(await host.InteractAsync(OpsHost.Ask(Question, user: "502")))); // the channel's third token
        Assert.StartsWith(Friendly, Notice(await host.InteractAsync(OpsHost.Ask(Question, user: "502"))), StringComparison.Ordinal);
        Assert.Null(Notice(await host.InteractAsync(OpsHost.Ask(Question, user: "503", channel: "401"))));

        var metrics = await host.MetricsAsync();
        Assert.Equal(1, Value(metrics, "interviewbot_requests_rate_limited_total", "platform=\"discord\"", "scope=\"user\""));
        Assert.Equal(1, Value(metrics, "interviewbot_requests_rate_limited_total", "platform=\"discord\"", "scope=\"channel\""));
        Assert.Equal(4, Value(metrics, "interviewbot_questions_answered_total", "platform=\"discord\""));
    }

    [Fact]
    public async Task On_Slack_a_refused_slash_command_is_answered_privately_through_its_response_url()
    {
        await using var host = await OpsHost.StartAsync(Tight);
        Assert.DoesNotContain(Friendly, await host.SlashAsync("/ask", Question, user: "U7"), StringComparison.Ordinal);
        Assert.DoesNotContain(Friendly, await host.SlashAsync("/ask", Question, user: "U7"), StringComparison.Ordinal);
        Assert.Contains(Friendly, await host.SlashAsync("/ask", Question, user: "U7"), StringComparison.Ordinal);
        var reply = host.Slack.Recorder.Named("response_url")[^1];
        Assert.Equal("ephemeral", reply.Str("response_type"));
        Assert.DoesNotContain(Friendly, await host.SlashAsync("/ask", Question, user: "U8"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_users_bucket_refills()
    {
        // The buckets refill on the rate limiter's own clock, so this waits for real: one ask per 300 ms.
        await using var host = await OpsHost.StartAsync(new()
        {
            ["RateLimits:User:Burst"] = "1",
            ["RateLimits:User:TokensPerPeriod"] = "1",
            ["RateLimits:User:Period"] = "00:00:00.300",
        });
        var refused = false;
        for (var i = 0; i < 20 && !refused; i++)
        {
            refused = Notice(await host.InteractAsync(OpsHost.Ask(Question))) is { } notice && notice.StartsWith(Friendly, StringComparison.Ordinal);
        }

        Assert.True(refused);
        var answered = false;
        for (var i = 0; i < 50 && !answered; i++)
        {
            await Task.Delay(100);
            answered = Notice(await host.InteractAsync(OpsHost.Ask(Question))) is null;
        }

        Assert.True(answered);
    }

    /// <summary>A notice's text (Discord renders it as the message content), or null for an answer with quotes.</summary>
    private static string? Notice(JsonObject response) =>
        response["data"]?["embeds"] is JsonArray { Count: > 0 } ? null : response["data"]?["content"]?.GetValue<string>();
}
