using InterviewBot.Chat.Tests.Fakes;
using InterviewBot.Chat.Tests.Slack;
using InterviewBot.Store;
using Microsoft.Extensions.DependencyInjection;
using static InterviewBot.Chat.Tests.Operations.PrometheusText;

namespace InterviewBot.Chat.Tests.Operations;

/// <summary><c>GET /metrics</c> on the real host, after real requests over the Discord and Slack endpoints.</summary>
public sealed class MetricsEndpointTests
{
    private const string Answerable = "Why is Heat still the touchstone for action movies?";
    private const string Unanswerable = "What does he think of Oppenheimer?";

    [Fact]
    public async Task Answered_and_abstained_questions_are_counted_per_platform_with_reply_and_retrieval_latency_histograms()
    {
        await using var host = await OpsHost.StartAsync();
        await host.InteractAsync(OpsHost.Ask(Answerable));
        await host.InteractAsync(OpsHost.Ask(Unanswerable));
        await host.InteractAsync(OpsHost.Ask(new string('a', 1001))); // an input error: neither answered nor abstained
        await host.SlashAsync("/ask", Answerable);

        using var response = await host.Http.GetAsync("/metrics");
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var metrics = await response.Content.ReadAsStringAsync();
        Assert.Contains("interviewbot_questions_answered_total{otel_scope_name=\"InterviewBot\",platform=\"discord\"} 1", metrics, StringComparison.Ordinal);
        Assert.Equal(1, Value(metrics, "interviewbot_questions_answered_total", "platform=\"slack\""));
        Assert.Equal(1, Value(metrics, "interviewbot_questions_abstained_total", "platform=\"discord\""));
        Assert.Null(Value(metrics, "interviewbot_questions_abstained_total", "platform=\"slack\""));

        Assert.Equal(3, Value(metrics, "interviewbot_reply_duration_seconds_count", "platform=\"discord\"", "request=\"ask\""));
        Assert.Equal(3, Value(metrics, "interviewbot_reply_duration_seconds_bucket", "platform=\"discord\"", "request=\"ask\"", "le=\"+Inf\""));
        Assert.NotNull(Value(metrics, "interviewbot_reply_duration_seconds_bucket", "platform=\"slack\"", "le=\"0.005\""));
        Assert.Equal(2, Value(metrics, "interviewbot_retrieval_duration_seconds_count", "platform=\"discord\""));
        Assert.Equal(1, Value(metrics, "interviewbot_retrieval_duration_seconds_bucket", "platform=\"slack\"", "le=\"+Inf\""));
        Assert.Equal(12 + 1, Series(metrics, "interviewbot_retrieval_duration_seconds_bucket", "platform=\"discord\"").Count());
    }

    [Fact]
    public async Task Platform_rate_limit_waits_and_failed_calls_are_counted()
    {
        await using var host = await OpsHost.StartAsync(new() { ["Discord:DeferAfter"] = "00:00:00" });
        host.Slack.ScriptRateLimit("response_url", 0);
        await host.SlashAsync("/ask", Answerable);
        host.Rest.FailNext("PATCH", "webhooks/", 1, FakeFailure.RateLimited(0.05));
        await host.InteractAsync(OpsHost.Ask(Answerable));
        await host.Rest.WaitForAsync(r => r.Method == "PATCH" && host.Rest.Requests.Count(o => o.Method == "PATCH") == 2, TimeSpan.FromSeconds(20));
        host.Slack.ScriptError("chat.postMessage", "channel_not_found");
        using (await host.PostSlackAsync("/slack/events", "application/json", SlackPayloads.Event("EvMetrics", SlackPayloads.DirectMessage("Why Heat?", "1.1")).ToJsonString()))
        {
        }

        await host.Slack.Recorder.WaitForAsync("chat.postMessage");
        var metrics = "";
        for (var i = 0; i < 100 && Value(metrics, "interviewbot_platform_errors_total", "platform=\"slack\"") is null; i++)
        {
            await Task.Delay(50);
            metrics = await host.MetricsAsync();
        }

        Assert.Equal(1, Value(metrics, "interviewbot_platform_rate_limit_waits_total", "platform=\"slack\""));
        Assert.Equal(1, Value(metrics, "interviewbot_platform_rate_limit_waits_total", "platform=\"discord\""));
        Assert.Equal(1, Value(metrics, "interviewbot_platform_errors_total", "platform=\"slack\"", "kind=\"api\""));
    }

    [Fact]
    public async Task Quote_of_the_day_posts_and_failures_are_counted()
    {
        await using var host = await OpsHost.StartAsync(new()
        {
            ["Qotd:PollInterval"] = "00:00:00.100",
            ["Qotd:RetryDelay"] = "00:00:00.200",
            ["Qotd:AttemptTimeout"] = "00:00:02",
        });
        host.Rest.FailNext("POST", "channels/401/messages", 1, FakeFailure.Error(403, 50001, "Missing Access"));
        var store = host.App.Services.GetRequiredService<IQotdStore>();
        var posted = await Qotd.QotdSettle.SubscribeDueNowAsync(store, new ChannelRef(ChannelRef.Discord, "400"));
        var failed = await Qotd.QotdSettle.SubscribeDueNowAsync(store, new ChannelRef(ChannelRef.Discord, "401"));
        Assert.Equal(PostStatus.Posted, posted.Status);
        Assert.Equal(PostStatus.Failed, failed.Status);

        var metrics = await host.MetricsAsync();
        Assert.Equal(1, Value(metrics, "interviewbot_qotd_posts_total", "platform=\"discord\""));
        Assert.Equal(1, Value(metrics, "interviewbot_qotd_failures_total", "platform=\"discord\""));
        Assert.Equal(1, Value(metrics, "interviewbot_platform_errors_total", "platform=\"discord\"", "kind=\"client\""));
    }
}
