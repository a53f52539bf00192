using InterviewBot.Store.Tests.Support;

namespace InterviewBot.Store.Tests;

public abstract partial class QotdStoreContractTests
{
    [ContractFact]
    public async Task A_saved_subscription_is_found_with_every_field()
    {
        var store = await MigratedAsync();
        var saved = new Subscription(Channel, "America/New_York", new TimeOnly(7, 5, 30), "Ana", "interview-7", false, "config", "U42",
            new DateTimeOffset(2026, 2, 3, 4, 5, 6, 789, TimeSpan.Zero));
        await store.SaveSubscriptionAsync(saved, Ct);

        Assert.Equal(saved, await store.FindSubscriptionAsync(Channel, Ct));
        Assert.Equal(saved, await Open().FindSubscriptionAsync(Channel, Ct));
    }

    [ContractFact]
    public async Task An_unknown_channel_has_no_subscription()
    {
        var store = await MigratedAsync();
        await store.SaveSubscriptionAsync(Subscribe(Channel), Ct);
        Assert.Null(await store.FindSubscriptionAsync(new ChannelRef(ChannelRef.Slack, Channel.ChannelId), Ct));
        Assert.Null(await store.FindSubscriptionAsync(new ChannelRef(ChannelRef.Discord, "999"), Ct));
    }

    [ContractFact]
    public async Task Saving_a_subscription_again_replaces_it()
    {
        var store = await MigratedAsync();
        await store.SaveSubscriptionAsync(Subscribe(Channel) with { Speaker = "Ana", UpdatedBy = "U1" }, Ct);
        var replaced = Subscribe(Channel, "Asia/Tokyo", enabled: false) with
        {
            LocalTime = new TimeOnly(18, 0),
            Speaker = null,
            Source = "cli",
            UpdatedBy = null,
            UpdatedAt = T0.AddDays(1),
        };
        await store.SaveSubscriptionAsync(replaced, Ct);

        Assert.Equal(replaced, await store.FindSubscriptionAsync(Channel, Ct));
        Assert.Equal([replaced], await store.SubscriptionsAsync(Ct));
    }

    [ContractFact]
    public async Task Every_subscription_is_listed_by_platform_then_channel()
    {
        var store = await MigratedAsync();
        ChannelRef[] channels =
        [
            new(ChannelRef.Slack, "C2"), new(ChannelRef.Discord, "300"), new(ChannelRef.Slack, "C1"), new(ChannelRef.Discord, "200"),
        ];
        foreach (var channel in channels)
        {
            await store.SaveSubscriptionAsync(Subscribe(channel, enabled: channel.ChannelId != "300"), Ct);
        }

        var listed = await store.SubscriptionsAsync(Ct);

        Assert.Equal(["discord:200", "discord:300", "slack:C1", "slack:C2"], listed.Select(s => s.Channel.ToString()));
        Assert.False(listed[1].Enabled);
    }

    [ContractFact]
    public async Task Saving_a_subscription_leaves_the_channel_history_alone()
    {
        var store = await MigratedAsync();
        var claim = await store.TryClaimAsync(Channel, Day, Planned, T0, Lease, Ct);
        await store.SaveSubscriptionAsync(Subscribe(Channel), Ct);
        await store.SaveSubscriptionAsync(Subscribe(Channel, enabled: false), Ct);

        var post = Assert.Single(await store.HistoryAsync(Channel, Ct));
        Assert.Equal(PostStatus.Claimed, post.Status);
        Assert.True(await store.CompleteAsync(claim!, "m1", T0, Ct));
    }
}
