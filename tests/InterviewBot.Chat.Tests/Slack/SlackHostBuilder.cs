using InterviewBot.Chat.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Chat.Tests.Slack;

/// <summary>Builds the real bot host (<see cref="BotHost"/>) for the Slack end-to-end tests.</summary>
internal static class SlackHostBuilder
{
    public static WebApplication Build(Dictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null) =>
        BotHost.Build(["--urls", "http://127.0.0.1:0"], b =>
        {
            b.Configuration.AddInMemoryCollection(settings);
            b.Logging.ClearProviders();
            configure?.Invoke(b);
        });
}
