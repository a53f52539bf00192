using InterviewBot.Chat.Slack;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Tests.Slack;

public sealed class SlackOptionsValidatorTests
{
    private static string[] Errors(SlackOptions o) => new SlackOptionsValidator().Validate(null, o).Failures?.ToArray() ?? [];

    [Fact]
    public void No_credentials_means_Slack_is_off_and_valid() => Assert.Empty(Errors(new SlackOptions()));

    [Fact]
    public void A_complete_http_setup_is_valid() =>
        Assert.Empty(Errors(new SlackOptions { BotToken = "xoxb-1", SigningSecret = "secret" }));

    [Fact]
    public void A_missing_bot_token_names_the_setting() =>
        Assert.Contains(Errors(new SlackOptions { SigningSecret = "secret" }), e => e.StartsWith("Slack:BotToken is required", StringComparison.Ordinal));

    [Fact]
    public void A_bot_token_alone_says_which_transport_settings_are_missing() =>
        Assert.Contains(Errors(new SlackOptions { BotToken = "xoxb-1" }), e => e.Contains("Slack:SigningSecret", StringComparison.Ordinal) && e.Contains("Slack:AppToken", StringComparison.Ordinal));

    [Fact]
    public void Tokens_of_the_wrong_kind_are_named()
    {
        var errors = Errors(new SlackOptions { BotToken = "xapp-1", AppToken = "xoxb-1" });
        Assert.Contains(errors, e => e.StartsWith("Slack:BotToken must", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Slack:AppToken must", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_api_base_url_and_body_limit_are_named()
    {
        var errors = Errors(new SlackOptions { BotToken = "xoxb-1", SigningSecret = "s", ApiBaseUrl = "slack.com/api", MaxBodyBytes = 0 });
        Assert.Contains(errors, e => e.StartsWith("Slack:ApiBaseUrl", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Slack:MaxBodyBytes", StringComparison.Ordinal));
    }

    [Fact]
    public void Secrets_are_redacted_in_ToString()
    {
        var text = new SlackOptions { BotToken = "xoxb-secret-bot", SigningSecret = "signing-secret", AppToken = "xapp-secret-app" }.ToString();
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        Assert.Contains("***", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_refuses_to_start_when_a_slack_setting_is_missing_and_names_it()
    {
        await using var app = SlackHostBuilder.Build(new()
        {
            ["Corpus:Directories:0"] = RepoPaths.Seeds, ["Index:CacheDirectory"] = "none", ["Slack:SigningSecret"] = "secret",
        });
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("Slack:BotToken is required", e.Message, StringComparison.Ordinal);
    }
}
