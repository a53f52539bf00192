using InterviewBot.Chat.Discord;
using InterviewBot.Chat.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Tests.Discord;

public sealed class DiscordSafetyTests
{
    private const string Transcript = """
        JANE DOE: Thanks for having me.
        INTERVIEWER: What did you tell the crew on the last day of the shoot?
        JANE DOE: I told @everyone on set that *nothing* about this film was __easy__, and that the <@&123> crew deserved the credit. We laughed about it for weeks afterwards.
        """;

    private const string Sidecar = """
        id: crew-interview
        title: Jane Doe on the crew
        outlet: Test Outlet
        date: 2024-01-02
        interviewer: Interviewer
        interviewee: Jane Doe
        format: labelled
        """;

    [Fact]
    public async Task A_quote_with_everyone_a_role_mention_and_markdown_pings_no_one_and_reads_verbatim()
    {
        using var corpus = new TempDir();
        corpus.Write("crew.txt", Transcript);
        corpus.Write("crew.yaml", Sidecar);
        await using var host = await DiscordTestHost.StartAsync(new() { ["Corpus:Directories:0"] = corpus.Path }, gateway: false);

        var reply = await host.InteractAsync(Interactions.Command("quote", ("search", "told everyone on set nothing easy")));
        var data = reply["data"]!;
        Assert.Equal("{\"parse\":[]}", data["allowed_mentions"]!.ToJsonString());
        var description = data["embeds"]![0]!["description"]!.GetValue<string>();
        Assert.DoesNotContain("@everyone", description, StringComparison.Ordinal);
        Assert.DoesNotContain("<@&123>", description, StringComparison.Ordinal);
        Assert.DoesNotContain("*nothing*", description, StringComparison.Ordinal);
        Assert.Contains("I told @everyone on set that *nothing* about this film was __easy__, and that the <@&123> crew deserved the credit.",
            DiscordText.Unescape(description), StringComparison.Ordinal);
        Assert.Equal("Jane Doe", data["embeds"]![0]!["author"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Discord:PublicKey", "abc", "Discord:PublicKey")]
    [InlineData("Discord:ApplicationId", "", "Discord:ApplicationId")]
    [InlineData("Discord:ApiBaseUrl", "not a url", "Discord:ApiBaseUrl")]
    [InlineData("Discord:DeferAfter", "00:00:05", "Discord:DeferAfter")]
    [InlineData("Discord:Gateway:Enabled", "true", "Discord:BotToken")]
    public async Task Broken_discord_settings_stop_start_up_with_the_setting_named(string key, string value, string named)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = BotHost.Build(["--urls=http://127.0.0.1:0"], b =>
            {
                b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Corpus:Directories:0"] = RepoPaths.Seeds,
                    ["Index:CacheDirectory"] = "none",
                    ["Discord:PublicKey"] = DiscordSignatureTests.PublicKey,
                    ["Discord:ApplicationId"] = "123",
                    [key] = value,
                });
                b.Logging.ClearProviders();
            });
            await app.StartAsync();
        });
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_never_print_the_bot_token()
    {
        var options = new DiscordOptions { BotToken = "super-secret-token", ApplicationId = "1" };
        Assert.DoesNotContain("super-secret-token", options.ToString(), StringComparison.Ordinal);
    }
}
