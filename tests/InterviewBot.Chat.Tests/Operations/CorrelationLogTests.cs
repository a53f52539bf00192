using InterviewBot.Chat.Commands;

namespace InterviewBot.Chat.Tests.Operations;

/// <summary>Every log line written while one chat request is handled carries its correlation id in a scope, including
/// the lines of a deferred Discord reply written after the HTTP request ended.</summary>
public sealed class CorrelationLogTests
{
    private const string Question = "Why is Heat still the touchstone for action movies?";

    [Fact]
    public async Task A_deferred_Discord_interaction_logs_under_its_interaction_id_from_the_router_to_the_follow_up()
    {
        await using var host = await OpsHost.StartAsync(new() { ["Discord:DeferAfter"] = "00:00:00" });
        var interaction = OpsHost.Ask(Question);
        var id = interaction["id"]!.GetValue<string>();
        Assert.Equal(5, (await host.InteractAsync(interaction))["type"]!.GetValue<int>()); // deferred
        await host.Rest.WaitForAsync(r => r.Method == "PATCH", TimeSpan.FromSeconds(20));

        var lines = await WaitForAsync(host, id, l => l.Category.EndsWith("DiscordRestClient", StringComparison.Ordinal) && l.Message.Contains("PATCH", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Category.EndsWith("ChatOperations", StringComparison.Ordinal) && l.Message.Contains("answered", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Category.EndsWith("DiscordInteractions", StringComparison.Ordinal) && l.Message.Contains("deferred", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Equal(ChatContext.Discord, l.ScopeValue("Platform")));
    }

    [Fact]
    public async Task A_Slack_command_logs_under_its_trigger_id_and_requests_do_not_share_ids()
    {
        await using var host = await OpsHost.StartAsync();
        await Task.WhenAll(host.SlashAsync("/ask", Question, triggerId: "trigger.one"), host.SlashAsync("/quote", "speaker:Russo", triggerId: "trigger.two"));

        var one = await WaitForAsync(host, "trigger.one", l => l.Message.Contains("response_url", StringComparison.Ordinal));
        var two = await WaitForAsync(host, "trigger.two", l => l.Message.Contains("response_url", StringComparison.Ordinal));
        Assert.Contains(one, l => l.Category.EndsWith("ChatOperations", StringComparison.Ordinal) && l.Message.Contains("slack ask", StringComparison.Ordinal));
        Assert.Contains(two, l => l.Category.EndsWith("ChatOperations", StringComparison.Ordinal) && l.Message.Contains("slack quote", StringComparison.Ordinal));
        Assert.All(host.Logs.Lines, l => Assert.True(l.ScopeValues.Count(p => p.Key == "CorrelationId") <= 1, l.AllText));
    }

    [Fact]
    public async Task A_request_without_a_platform_id_gets_a_new_correlation_id()
    {
        var a = ChatContext.For(ChatContext.Slack, "U1", "C1", null);
        var b = ChatContext.For(ChatContext.Slack, "U1", "C1", "not a plain id; <script>");
        Assert.Matches("^[0-9a-f]{32}$", a.CorrelationId);
        Assert.Matches("^[0-9a-f]{32}$", b.CorrelationId);
        Assert.NotEqual(a.CorrelationId, b.CorrelationId);
        Assert.Equal("Ev123", ChatContext.For(ChatContext.Slack, null, null, "Ev123").CorrelationId);
    }

    /// <summary>The lines logged under <paramref name="correlationId"/>, once one of them matches <paramref name="last"/>.</summary>
    private static async Task<List<CapturedLog>> WaitForAsync(OpsHost host, string correlationId, Func<CapturedLog, bool> last)
    {
        List<CapturedLog> lines = [];
        for (var i = 0; i < 200 && !lines.Any(last); i++)
        {
            await Task.Delay(i == 0 ? 0 : 50);
            lines = host.Logs.Lines.Where(l => l.ScopeValue("CorrelationId") == correlationId).ToList();
        }

        Assert.True(lines.Any(last), $"no matching line under {correlationId}:\n{string.Join("\n", lines.Select(l => l.Category + ": " + l.Message))}");
        return lines;
    }
}
