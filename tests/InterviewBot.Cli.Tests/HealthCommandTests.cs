using InterviewBot.Chat.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Cli.Tests;

/// <summary><c>health</c>, the Docker HEALTHCHECK, against a real host on 127.0.0.1.</summary>
public sealed class HealthCommandTests
{
    [Fact]
    public async Task Health_exits_zero_for_a_live_and_ready_host()
    {
        using var data = new TempDir();
        await using var app = BotHost.Build(["--urls=http://127.0.0.1:0"], b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Corpus:Directories:0"] = RepoPaths.Seeds, ["Index:CacheDirectory"] = "none", ["Store:DataDirectory"] = data.Path,
            });
            b.Logging.ClearProviders();
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var live = await Cli.RunAsync("health", "--url", url);
        var ready = await Cli.RunAsync("health", "--url", url, "--ready");

        Assert.Equal(0, live.ExitCode);
        Assert.StartsWith("200 ", live.Out, StringComparison.Ordinal);
        Assert.Equal(0, ready.ExitCode);
        Assert.Contains("\"status\":\"ready\"", ready.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_exits_one_with_a_clear_line_when_nothing_answers()
    {
        var r = await Cli.RunAsync("health", "--url", "http://127.0.0.1:1", "--timeout", "2");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("error: no answer from http://127.0.0.1:1/healthz", r.Err, StringComparison.Ordinal);
    }
}
