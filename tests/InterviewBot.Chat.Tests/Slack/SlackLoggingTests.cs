using System.Collections.Concurrent;
using InterviewBot.Chat.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static InterviewBot.Chat.Tests.Slack.SlackPayloads;

namespace InterviewBot.Chat.Tests.Slack;

public sealed class SlackLoggingTests
{
    [Fact]
    public async Task Nothing_logged_contains_a_token_the_signing_secret_or_a_response_url()
    {
        var logs = new CapturingLoggerProvider();
        await using var fake = await FakeSlack.StartAsync();
        await using (var host = await SlackTestHost.StartAsync(fake, socketMode: true, configure: b =>
        {
            b.Logging.AddProvider(logs);
            b.Logging.SetMinimumLevel(LogLevel.Trace);
        }))
        {
            fake.ScriptError("chat.postMessage", "channel_not_found");
            fake.ScriptRateLimit("response_url", 0);
            await host.PostFormAsync("/slack/commands", Slash("/ask", "Why Heat?", fake.ResponseUrl("secret-path-4711")));
            await host.PostJsonAsync("/slack/events", Event("EvLog", Mention("Why Heat?", "1.1")).ToJsonString());
            await host.PostSignedAsync("/slack/events", "application/json", "{}", signature: "v0=" + new string('0', 64));
            var tries = 0;
            await fake.Recorder.WaitForAsync("response_url", c => c.Target == "secret-path-4711" && ++tries == 2);
            await fake.Recorder.WaitForAsync("chat.postMessage");
            await (await fake.SocketAsync(1)).DisconnectAsync("refresh_requested");
            await fake.SocketAsync(2);
            await host.Work.WhenIdleAsync();
        }

        var text = string.Join('\n', logs.Messages);
        Assert.Contains("channel_not_found", text, StringComparison.Ordinal); // the failure is logged, by its code
        Assert.Contains("429", text, StringComparison.Ordinal);
        foreach (var secret in new[] { SlackTestHost.BotToken, SlackTestHost.AppToken, SlackTestHost.Secret, "secret-path-4711", "xoxb-", "xapp-", "ticket=" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Messages.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}
