using System.Net;
using InterviewBot.Chat.Playground;
using InterviewBot.Chat.Tests.Discord;
using Microsoft.Extensions.Configuration;

namespace InterviewBot.Chat.Tests.Playground;

/// <summary>When the host offers the playground, and how it serves its pages.</summary>
public sealed class PlaygroundHostTests
{
    [Fact]
    public async Task With_no_chat_platform_configured_the_playground_is_served_at_the_root()
    {
        await using var host = await PlaygroundTestHost.StartAsync();
        using var page = await host.Http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<label for=\"ask-q\">Question</label>", html, StringComparison.Ordinal);
        Assert.Contains("aria-live=\"polite\"", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());

        foreach (var (path, type) in new[] { ("/corpus", "text/html"), ("/playground.css", "text/css"), ("/playground.js", "text/javascript") })
        {
            using var asset = await host.Http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            Assert.Equal(type, asset.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Assets_carry_an_etag_and_answer_a_revalidation_with_304()
    {
        await using var host = await PlaygroundTestHost.StartAsync();
        using var first = await host.Http.GetAsync(new Uri("/playground.js", UriKind.Relative));
        var tag = first.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, "/playground.js");
        again.Headers.IfNoneMatch.Add(tag);
        using var second = await host.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Playground_Enabled_false_turns_it_off()
    {
        await using var host = await PlaygroundTestHost.StartAsync(extra: new() { ["Playground:Enabled"] = "false" });
        using var page = await host.Http.GetAsync(new Uri("/", UriKind.Relative));
        using var api = await host.Http.GetAsync(new Uri("/api/qotd", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
    }

    [Fact]
    public async Task With_Discord_configured_there_is_no_playground()
    {
        await using var host = await DiscordTestHost.StartAsync(gateway: false);
        using var page = await host.Http.GetAsync(new Uri("/", UriKind.Relative));
        using var api = await host.Http.GetAsync(new Uri("/api/ask?q=Heat", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
    }

    [Fact]
    public async Task Playground_Enabled_true_forces_it_on_beside_Discord()
    {
        await using var host = await DiscordTestHost.StartAsync(new() { ["Playground:Enabled"] = "true" }, gateway: false);
        using var page = await host.Http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData(null, null, null, true)]
    [InlineData(null, "Discord:ApplicationId", "123", false)]
    [InlineData(null, "Slack:SigningSecret", "secret", false)]
    [InlineData(null, "Slack:BotToken", "xoxb-1", false)]
    [InlineData("true", "Slack:BotToken", "xoxb-1", true)]
    [InlineData("True", "Discord:PublicKey", "ab", true)]
    [InlineData("false", null, null, false)]
    [InlineData(" ", null, null, true)]
    public void The_playground_is_on_unless_a_platform_is_configured_or_the_setting_says_otherwise(string? enabled, string? key, string? value, bool expected)
    {
        var settings = new Dictionary<string, string?> { ["Playground:Enabled"] = enabled };
        if (key is not null)
        {
            settings[key] = value;
        }

        Assert.Equal(expected, PlaygroundOptions.IsOn(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));
    }

    [Fact]
    public void An_invalid_Playground_Enabled_names_the_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Playground:Enabled"] = "maybe" }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => PlaygroundOptions.IsOn(configuration));
        Assert.Contains("Playground:Enabled", error.Message, StringComparison.Ordinal);
        Assert.Contains("'maybe'", error.Message, StringComparison.Ordinal);
    }
}
