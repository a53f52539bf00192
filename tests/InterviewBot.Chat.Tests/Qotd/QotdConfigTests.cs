using InterviewBot.Chat.Hosting;
using InterviewBot.Chat.Qotd;
using InterviewBot.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Tests.Qotd;

public sealed class QotdConfigTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Configured_subscriptions_are_added_updated_and_switched_off_when_removed()
    {
        await using var rig = await QotdRig.CreateAsync(Now);
        await rig.SubscribeAsync("chat-owned");
        var a = new ConfiguredSubscription { Platform = "Discord", Channel = "1", Time = "7:15", TimeZone = "Europe/Paris", Speaker = " " };
        var b = new ConfiguredSubscription { Platform = "slack", Channel = "C2" };

        Assert.Equal(2, await QotdStartup.SyncAsync(rig.Store, [a, b], Now, default));
        Assert.Equal(0, await QotdStartup.SyncAsync(rig.Store, [a, b], Now.AddDays(1), default)); // unchanged: nothing written

        var first = (await rig.Store.FindSubscriptionAsync(new ChannelRef("discord", "1"), default))!;
        Assert.Equal((new TimeOnly(7, 15), "Europe/Paris", (string?)null, "config"), (first.LocalTime, first.TimeZone, first.Speaker, first.Source));

        b.Time = "10:00";
        Assert.Equal(2, await QotdStartup.SyncAsync(rig.Store, [b], Now.AddDays(2), default)); // b changed, a removed
        Assert.False((await rig.Store.FindSubscriptionAsync(new ChannelRef("discord", "1"), default))!.Enabled);
        Assert.Equal(new TimeOnly(10, 0), (await rig.Store.FindSubscriptionAsync(new ChannelRef("slack", "C2"), default))!.LocalTime);
        Assert.True((await rig.Store.FindSubscriptionAsync(new ChannelRef("discord", "chat-owned"), default))!.Enabled);
    }

    [Theory]
    [InlineData("Qotd:Subscriptions:0:Platform", "teams", "Qotd:Subscriptions:0: platform must be")]
    [InlineData("Qotd:Subscriptions:0:Time", "9am", "Qotd:Subscriptions:0: time must be HH:mm")]
    [InlineData("Qotd:Subscriptions:0:TimeZone", "Europe/Atlantis", "Qotd:Subscriptions:0: time zone must be an IANA name")]
    [InlineData("Qotd:Lease", "00:01:00", "Qotd:Lease must be longer than twice Qotd:AttemptTimeout")]
    [InlineData("Qotd:MaxAttempts", "0", "Qotd:MaxAttempts must be between 1 and 20")]
    public async Task Bad_quote_of_the_day_settings_stop_start_up_naming_the_setting(string key, string value, string expected)
    {
        using var data = new TempDir();
        var settings = new Dictionary<string, string?>
        {
            ["Corpus:Directories:0"] = RepoPaths.Seeds,
            ["Index:CacheDirectory"] = "none",
            ["Store:DataDirectory"] = data.Path,
            ["Qotd:Subscriptions:0:Platform"] = "discord",
            ["Qotd:Subscriptions:0:Channel"] = "1",
            [key] = value,
        };
        await using var app = BotHost.Build(["--urls=http://127.0.0.1:0"], b =>
        {
            b.Configuration.AddInMemoryCollection(settings);
            b.Logging.ClearProviders();
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_creates_the_store_and_brings_in_configured_subscriptions_at_start()
    {
        using var data = new TempDir();
        var settings = new Dictionary<string, string?>
        {
            ["Corpus:Directories:0"] = RepoPaths.Seeds,
            ["Index:CacheDirectory"] = "none",
            ["Store:DataDirectory"] = data.Path,
            ["Qotd:Subscriptions:0:Platform"] = "slack",
            ["Qotd:Subscriptions:0:Channel"] = "C9",
            ["Qotd:Subscriptions:0:TimeZone"] = "Asia/Tokyo",
        };
        await using (var app = BotHost.Build(["--urls=http://127.0.0.1:0"], b =>
        {
            b.Configuration.AddInMemoryCollection(settings);
            b.Logging.ClearProviders();
        }))
        {
            await app.StartAsync();
            await app.StopAsync();
        }

        await using var store = QotdStores.Open(new StoreOptions { DataDirectory = data.Path });
        Assert.True(await store.SchemaVersionAsync(default) > 0);
        var s = Assert.Single(await store.SubscriptionsAsync(default));
        Assert.Equal(("slack", "C9", "Asia/Tokyo", "config"), (s.Channel.Platform, s.Channel.ChannelId, s.TimeZone, s.Source));
    }
}
