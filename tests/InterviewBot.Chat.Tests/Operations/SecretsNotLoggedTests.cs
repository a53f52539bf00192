using System.Text.Json.Nodes;
using InterviewBot.Chat.Tests.Fakes;
using Npgsql;
using static InterviewBot.Chat.Tests.Slack.SlackPayloads;

namespace InterviewBot.Chat.Tests.Operations;

/// <summary>Real flows on both platforms with every log line captured at Trace level: no token, secret, interaction
/// token, response_url path or database password appears in any message, structured value, scope or exception.</summary>
public sealed class SecretsNotLoggedTests
{
    private const string Question = "Why is Heat still the touchstone for action movies?";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static readonly OpsSecrets Secrets = new(
        DiscordBotToken: "discord-bot-token-SECRET-d15c0",
        SlackBotToken: "xoxb-SECRET-slack-bot-5b07",
        SlackAppToken: "xapp-SECRET-slack-app-a990",
        SlackSigningSecret: "signing-SECRET-5157");

    [Fact]
    public async Task Discord_interactions_the_gateway_Slack_commands_and_Socket_Mode_never_log_a_secret()
    {
        CapturedLog[] lines;
        var interactionToken = "interaction-token-SECRET-" + Guid.NewGuid().ToString("N");
        var gatewayToken = "interaction-token-SECRET-gw-" + Guid.NewGuid().ToString("N");
        await using (var host = await OpsHost.StartAsync(new() { ["Discord:DeferAfter"] = "00:00:00" }, gateway: true, socketMode: true, secrets: Secrets))
        {
            // Discord over HTTP: a deferral, then a follow-up whose first try fails and is retried.
            host.Rest.FailNext("PATCH", "webhooks/", 1, FakeFailure.ServerError(503));
            var interaction = OpsHost.Ask(Question);
            interaction["token"] = interactionToken;
            await host.InteractAsync(interaction);
            await host.Rest.WaitForAsync(r => r.Method == "PATCH" && r.Path.Contains(interactionToken, StringComparison.Ordinal)
                && host.Rest.Requests.Count(o => o.Method == "PATCH") == 2, Wait);

            // The gateway: identify (with the bot token), a DM answered over REST, an interaction answered by callback.
            var gateway = host.Gateway!;
            await gateway.WaitForOpAsync(2, Wait);
            for (var i = 0; i < 200 && gateway.Current is not { Authenticated: true }; i++)
            {
                await Task.Delay(25);
            }

            await gateway.SendDispatchAsync("MESSAGE_CREATE", new JsonObject
            {
                ["id"] = "7100", ["channel_id"] = "400", ["content"] = Question, ["type"] = 0,
                ["author"] = new JsonObject { ["id"] = "500", ["username"] = "asker" }, ["mentions"] = new JsonArray(),
            });
            await host.Rest.WaitForAsync(r => r.Method == "POST" && r.Path == "channels/400/messages", Wait);
            var viaGateway = OpsHost.Ask(Question);
            viaGateway["token"] = gatewayToken;
            await gateway.SendDispatchAsync("INTERACTION_CREATE", viaGateway);
            await host.Rest.WaitForAsync(r => r.Path.Contains(gatewayToken, StringComparison.Ordinal), Wait);

            // Slack over HTTP: a slash command whose response_url answers 429 first, a failing event reply, a forged request.
            host.Slack.ScriptRateLimit("response_url", 0);
            await host.SlashAsync("/ask", Question, responseId: "SECRET-path-http");
            host.Slack.ScriptError("chat.postMessage", "channel_not_found");
            using (await host.PostSlackAsync("/slack/events", "application/json", Event("EvSecret", DirectMessage(Question, "1.1")).ToJsonString()))
            {
            }

            await host.Slack.Recorder.WaitForAsync("chat.postMessage");
            using (await host.Http.PostAsync("/slack/commands", new StringContent("command=%2Fask&text=x")))
            {
            }

            // Socket Mode: a slash command over the socket, then a refresh.
            var socket = await host.Slack.SocketAsync(1);
            await socket.SendEnvelopeAsync("slash_commands", SlashJson("/ask", Question, host.Slack.ResponseUrl("SECRET-path-socket")));
            await host.Slack.Recorder.WaitForAsync("response_url", c => c.Target == "SECRET-path-socket");
            await socket.DisconnectAsync("refresh_requested");
            await host.Slack.SocketAsync(2);
            using (await host.Http.GetAsync("/metrics"))
            {
            }

            lines = [.. host.Logs.Lines];
        }

        Assert.Contains(lines, l => l.AllText.Contains("channel_not_found", StringComparison.Ordinal)); // failures are logged, by code
        Assert.Contains(lines, l => l.Message.Contains("webhooks", StringComparison.Ordinal)); // routes are logged, as templates
        AssertNoneContains(lines, Secrets.DiscordBotToken, Secrets.SlackBotToken, Secrets.SlackAppToken, Secrets.SlackSigningSecret,
            interactionToken, gatewayToken, "SECRET", "xoxb-", "xapp-", "ticket=");
    }

    [PostgresFact]
    public async Task The_PostgreSQL_password_is_never_logged()
    {
        await using var schema = await TestSchema.CreateAsync();
        var password = new NpgsqlConnectionStringBuilder(schema.ConnectionString).Password;
        CapturedLog[] lines;
        await using (var host = await OpsHost.StartAsync(new() { ["Store:PostgreSQL"] = schema.ConnectionString }))
        {
            Assert.Contains("daily", await host.SlashAsync("/qotd", "status"), StringComparison.OrdinalIgnoreCase);
            using (await host.Http.GetAsync("/readyz"))
            {
            }

            lines = [.. host.Logs.Lines];
        }

        Assert.False(string.IsNullOrEmpty(password), "the test server's connection string should carry a password");
        AssertNoneContains(lines, password!, schema.ConnectionString);
    }

    private static void AssertNoneContains(IReadOnlyList<CapturedLog> lines, params string[] secrets)
    {
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            foreach (var secret in secrets)
            {
                Assert.False(line.AllText.Contains(secret, StringComparison.Ordinal), $"“{secret}” was logged:\n{line.AllText}");
            }
        }
    }
}
