using InterviewBot.Store.Tests.Support;

namespace InterviewBot.Store.Tests;

public abstract partial class QotdStoreContractTests
{
    [ContractFact]
    public async Task The_first_claim_of_a_day_gets_attempt_one_the_planned_quote_and_a_lease()
    {
        var store = await MigratedAsync();
        var claim = await store.TryClaimAsync(Channel, Day, Planned, T0, Lease, Ct);

        Assert.NotNull(claim);
        Assert.Equal((Channel, Day, 1, Planned, T0), (claim.Channel, claim.LocalDate, claim.Attempt, claim.Planned, claim.FirstClaimedAt));
        Assert.False(string.IsNullOrWhiteSpace(claim.Token));
        var post = await store.FindPostAsync(Channel, Day, Ct);
        Assert.Equal(new PostRecord(Channel, Day, PostStatus.Claimed, Planned, 1, T0, T0 + Lease, null, null, null), post);
    }

    [ContractFact]
    public async Task A_second_claim_while_the_lease_runs_returns_null()
    {
        var store = await MigratedAsync();
        Assert.NotNull(await store.TryClaimAsync(Channel, Day, Planned, T0, Lease, Ct));

        Assert.Null(await store.TryClaimAsync(Channel, Day, Planned, T0, Lease, Ct));
        Assert.Null(await Open().TryClaimAsync(Channel, Day, Planned with { QuoteKey = "other" }, T0 + Lease - TimeSpan.FromMilliseconds(1), Lease, Ct));
        Assert.Equal(1, (await store.FindPostAsync(Channel, Day, Ct))!.Attempts);
    }

    [ContractFact]
    public async Task A_claim_whose_lease_ran_out_is_taken_over_with_its_own_quote_and_first_claim_time()
    {
        var store = await MigratedAsync();
        var first = await store.TryClaimAsync(Channel, Day, Planned, T0, Lease, Ct);
        var later = T0 + Lease;

        var second = await store.TryClaimAsync(Channel, Day, new PlannedPost("quote-2", "Ben", 3), later, Lease, Ct);

        Assert.NotNull(second);
        Assert.Equal((2, Planned, T0), (second.Attempt, second.Planned, second.FirstClaimedAt));
        Assert.NotEqual(first!.Token, second.Token);
        var post = await store.FindPostAsync(Channel, Day, Ct);
        Assert.Equal((PostStatus.Claimed, Planned, 2, T0, later + Lease), (post!.Status, post.Planned, post.Attempts, post.ClaimedAt, post.LeaseUntil));
        var third = await store.TryClaimAsync(Channel, Day, Planned, later + Lease + Lease, Lease, Ct);
        Assert.Equal(3, third!.Attempt);
    }

    [ContractFact]
    public async Task The_old_token_cannot_record_anything_after_a_take_over()
    {
        var store = await MigratedAsync();
        var stale = (await store.TryClaimAsync(Channel, Day, Planned, T0, Lease, Ct))!;
        var current = (await store.TryClaimAsync(Channel, Day, Planned, T0 + Lease, Lease, Ct))!;

        Assert.False(await store.RescheduleAsync(stale, T0.AddHours(1), "late", Ct));
        Assert.False(await store.CompleteAsync(stale, "m-stale", T0.AddHours(1), Ct));
        Assert.False(await store.FailAsync(stale, "late", T0.AddHours(1), Ct));
        Assert.Equal(new PostRecord(Channel, Day, PostStatus.Claimed, Planned, 2, T0, T0 + Lease + Lease, null, null, null),
            await store.FindPostAsync(Channel, Day, Ct));
        Assert.True(await store.CompleteAsync(current, "m-current", T0.AddHours(1), Ct));
    }

    [ContractFact]
    public async Task Days_and_channels_are_claimed_independently()
    {
        var store = await MigratedAsync();
        var slack = new ChannelRef(ChannelRef.Slack, Channel.ChannelId);
        var otherChannel = new ChannelRef(ChannelRef.Discord, "101");

        Assert.NotNull(await store.TryClaimAsync(Channel, Day, Planned, T0, Lease, Ct));
        Assert.NotNull(await store.TryClaimAsync(Channel, Day.AddDays(1), Planned, T0, Lease, Ct));
        Assert.NotNull(await store.TryClaimAsync(slack, Day, Planned, T0, Lease, Ct));
        Assert.True(await store.SkipAsync(otherChannel, Day, T0, Ct));
        Assert.NotNull(await store.TryClaimAsync(otherChannel, Day.AddDays(-1), Planned, T0, Lease, Ct));

        Assert.Equal(2, (await store.HistoryAsync(Channel, Ct)).Count);
        Assert.Single(await store.HistoryAsync(slack, Ct));
        Assert.Equal(2, (await store.HistoryAsync(otherChannel, Ct)).Count);
    }

    [ContractFact]
    public async Task A_day_without_a_row_has_no_post_and_a_channel_without_rows_no_history()
    {
        var store = await MigratedAsync();
        await store.TryClaimAsync(Channel, Day, Planned, T0, Lease, Ct);

        Assert.Null(await store.FindPostAsync(Channel, Day.AddDays(1), Ct));
        Assert.Empty(await store.HistoryAsync(new ChannelRef(ChannelRef.Slack, "C9"), Ct));
    }

    [ContractFact]
    public async Task History_lists_a_channel_s_days_oldest_first()
    {
        var store = await MigratedAsync();
        foreach (var offset in new[] { 3, -40, 0, 12, -1 })
        {
            Assert.NotNull(await store.TryClaimAsync(Channel, Day.AddDays(offset), Planned, T0, Lease, Ct));
        }

        var history = await store.HistoryAsync(Channel, Ct);

        Assert.Equal(new[] { -40, -1, 0, 3, 12 }.Select(Day.AddDays), history.Select(p => p.LocalDate));
    }

    [ContractFact]
    public async Task Instants_round_trip_to_the_millisecond_in_utc()
    {
        var store = await MigratedAsync();
        var local = new DateTimeOffset(2026, 3, 1, 10, 15, 20, 123, TimeSpan.FromHours(2)).AddTicks(4567);
        var utc = new DateTimeOffset(2026, 3, 1, 8, 15, 20, 123, TimeSpan.Zero);

        var claim = (await store.TryClaimAsync(Channel, Day, Planned, local, TimeSpan.FromMilliseconds(1), Ct))!;
        Assert.True(await store.RescheduleAsync(claim, local.AddMilliseconds(1), "x", Ct));
        Assert.True(await store.CompleteAsync(claim, "m", local.AddMilliseconds(2), Ct));
        await store.SaveSubscriptionAsync(Subscribe(Channel) with { UpdatedAt = local }, Ct);

        var post = (await Open().FindPostAsync(Channel, Day, Ct))!;
        Assert.Equal(utc, claim.FirstClaimedAt);
        Assert.Equal((utc, utc.AddMilliseconds(2)), (post.ClaimedAt, post.PostedAt));
        Assert.All(new[] { post.ClaimedAt, post.PostedAt!.Value, post.LeaseUntil!.Value }, t => Assert.Equal(TimeSpan.Zero, t.Offset));
        var updatedAt = (await store.FindSubscriptionAsync(Channel, Ct))!.UpdatedAt;
        Assert.Equal((utc, TimeSpan.Zero), (updatedAt, updatedAt.Offset));
    }
}
