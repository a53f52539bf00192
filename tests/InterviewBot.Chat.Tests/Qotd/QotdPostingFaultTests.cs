using InterviewBot.Chat.Qotd;
using InterviewBot.Chat.Tests.Discord;
using InterviewBot.Chat.Tests.Fakes;
using InterviewBot.Chat.Tests.Slack;
using InterviewBot.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewBot.Chat.Tests.Qotd;

/// <summary>The real host's scheduler and posters against the fake Discord and Slack when posting goes wrong: each
/// day still ends with exactly one message in the channel and a posted record.</summary>
public sealed class QotdPostingFaultTests
{
    public enum Fault
    {
        ServerErrors,
        RateLimits,
        Timeout,
        LostResponse,
    }

    [Theory]
    [InlineData(Fault.ServerErrors)]
    [InlineData(Fault.RateLimits)]
    [InlineData(Fault.Timeout)]
    [InlineData(Fault.LostResponse)]
    public async Task Discord_faults_end_in_exactly_one_post(Fault fault)
    {
        using var data = new TempDir();
        await using var host = await DiscordTestHost.StartAsync(Settings(data), gateway: false);
        const string messages = "channels/400/messages";
        switch (fault)
        {
            case Fault.ServerErrors: // more than the REST client retries on its own
                host.Rest.FailNext("POST", messages, 6, FakeFailure.ServerError(503));
                break;
            case Fault.RateLimits:
                host.Rest.FailNext("POST", messages, 7, FakeFailure.RateLimited(0.05));
                break;
            case Fault.Timeout:
                host.Rest.FailNext("POST", messages, 1, FakeFailure.Timeout());
                break;
            default:
                host.Rest.LoseResponseNext("POST", messages, 1, FakeFailure.ServerError(502));
                break;
        }

        var record = await QotdSettle.SubscribeDueNowAsync(host.App.Services.GetRequiredService<IQotdStore>(), new ChannelRef(ChannelRef.Discord, "400"));

        Assert.Equal(PostStatus.Posted, record.Status);
        Assert.Single(host.Rest.ChannelMessages("400"));
    }

    [Theory]
    [InlineData(Fault.ServerErrors)]
    [InlineData(Fault.RateLimits)]
    [InlineData(Fault.Timeout)]
    [InlineData(Fault.LostResponse)]
    public async Task Slack_faults_end_in_exactly_one_post(Fault fault)
    {
        using var data = new TempDir();
        await using var fake = await FakeSlack.StartAsync();
        switch (fault)
        {
            case Fault.ServerErrors:
                fake.Script("chat.postMessage", 503, new System.Text.Json.Nodes.JsonObject { ["ok"] = false, ["error"] = "service_unavailable" });
                fake.ScriptError("chat.postMessage", "internal_error");
                break;
            case Fault.RateLimits:
                fake.ScriptRateLimit("chat.postMessage", 1);
                break;
            case Fault.Timeout:
                fake.ScriptTimeout("chat.postMessage");
                break;
            default:
                fake.LoseResponseNext("chat.postMessage", 500);
                break;
        }

        await using var host = await SlackTestHost.StartAsync(fake, configure: b => b.Configuration.AddInMemoryCollection(Settings(data)));
        var record = await QotdSettle.SubscribeDueNowAsync(host.Services.GetRequiredService<IQotdStore>(), new ChannelRef(ChannelRef.Slack, "C1"));

        Assert.Equal(PostStatus.Posted, record.Status);
        Assert.Single(fake.Workspace.Messages("C1"));
    }

    private static Dictionary<string, string?> Settings(TempDir data) => new()
    {
        ["Store:DataDirectory"] = data.Path,
        ["Qotd:PollInterval"] = "00:00:00.100",
        ["Qotd:RetryDelay"] = "00:00:00.200",
        ["Qotd:AttemptTimeout"] = "00:00:02",
        ["Qotd:Lease"] = "00:00:05",
    };
}
