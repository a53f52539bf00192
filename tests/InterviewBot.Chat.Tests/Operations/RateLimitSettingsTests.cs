using InterviewBot.Chat.Hosting;
using InterviewBot.Chat.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Tests.Operations;

public sealed class RateLimitSettingsTests
{
    [Theory]
    [InlineData("RateLimits:User:Burst", "0", "RateLimits:User:Burst")]
    [InlineData("RateLimits:User:TokensPerPeriod", "9", "RateLimits:User:TokensPerPeriod")]
    [InlineData("RateLimits:Channel:Period", "00:00:00", "RateLimits:Channel:Period")]
    [InlineData("RateLimits:Channel:Period", "2.00:00:00", "RateLimits:Channel:Period")]
    public async Task Broken_rate_limit_settings_stop_start_up_with_the_setting_named(string key, string value, string named)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = BotHost.Build(["--urls=http://127.0.0.1:0"], b =>
            {
                b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Corpus:Directories:0"] = RepoPaths.Seeds,
                    ["Index:CacheDirectory"] = "none",
                    [key] = value,
                });
                b.Logging.ClearProviders();
            });
            await app.StartAsync();
        });
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_5_per_10_seconds_per_user_and_20_per_10_seconds_per_channel()
    {
        var o = new RateLimitOptions();
        Assert.True(o.Enabled);
        Assert.Equal((5, 5, TimeSpan.FromSeconds(10)), (o.User.Burst, o.User.TokensPerPeriod, o.User.Period));
        Assert.Equal((20, 20, TimeSpan.FromSeconds(10)), (o.Channel.Burst, o.Channel.TokensPerPeriod, o.Channel.Period));
        Assert.True(new RateLimitOptionsValidator().Validate(null, o).Succeeded);
    }
}
