using InterviewBot.Store.Tests.Support;

namespace InterviewBot.Store.Tests;

public abstract partial class QotdStoreContractTests
{
    private static readonly DateTimeOffset Far = T0.AddYears(1);

    [ContractFact]
    public async Task Completing_records_the_post_once_and_the_day_is_never_claimed_again()
    {
        var store = await MigratedAsync();
        var claim = (await store.TryClaimAsync(Channel, Day, Planned, T0, Lease, Ct))!;
        var postedAt = T0.AddSeconds(3);

        Assert.True(await store.CompleteAsync(claim, "message-1", postedAt, Ct));

        var post = (await store.FindPostAsync(Channel, Day, Ct))!;
        Assert.Equal((PostStatus.Posted, "message-1", postedAt, Planned, 1), (post.Status, post.MessageId, post.PostedAt, post.Planned, post.Attempts));
        Assert.False(await store.CompleteAsync(claim, "message-2", postedAt, Ct));
        Assert.False(await store.FailAsync(claim, "late", postedAt, Ct));
        Assert.False(await store.RescheduleAsync(claim, Far, "late", Ct));
        Assert.Null(await store.TryClaimAsync(Channel, Day, Planned, Far, Lease, Ct));
        Assert.Equal("message-1", (await store.FindPostAsync(Channel, Day, Ct))!.MessageId);
    }

    [ContractFact]
    public async Task Completing_without_a_message_id_still_records_the_post()
    {
        var store = await MigratedAsync();
        var claim = (await store.TryClaimAsync(Channel, Day, Planned, T0, Lease, Ct))!;

        Assert.True(await store.CompleteAsync(claim, null, T0, Ct));

        var post = (await store.FindPostAsync(Channel, Day, Ct))!;
        Assert.Equal((PostStatus.Posted, null, T0), (post.Status, post.MessageId, post.PostedAt));
    }

    [ContractFact]
    public async Task Failing_records_the_error_and_ends_the_day_for_good()
    {
        var store = await MigratedAsync();
        var claim = (await store.TryClaimAsync(Channel, Day, Planned, T0, Lease, Ct))!;

        Assert.True(await store.FailAsync(claim, "403 missing access", T0.AddSeconds(1), Ct));

        var post = (await store.FindPostAsync(Channel, Day, Ct))!;
        Assert.Equal((PostStatus.Failed, "403 missing access", null, null), (post.Status, post.Error, post.MessageId, post.PostedAt));
        Assert.False(await store.CompleteAsync(claim, "m", T0.AddSeconds(2), Ct));
        Assert.Null(await store.TryClaimAsync(Channel, Day, Planned, Far, Lease, Ct));
    }

    [ContractFact]
    public async Task Rescheduling_keeps_the_day_claimed_until_the_retry_time()
    {
        var store = await MigratedAsync();
        var claim = (await store.TryClaimAsync(Channel, Day, Planned, T0, Lease, Ct))!;
        var retryAt = T0.AddMinutes(30);

        Assert.True(await store.RescheduleAsync(claim, retryAt, "503 from Discord", Ct));

        var post = (await store.FindPostAsync(Channel, Day, Ct))!;
        Assert.Equal((PostStatus.Claimed, retryAt, "503 from Discord", 1), (post.Status, post.LeaseUntil, post.Error, post.Attempts));
        Assert.Null(await store.TryClaimAsync(Channel, Day, Planned, retryAt.AddMilliseconds(-1), Lease, Ct));
        var retry = await store.TryClaimAsync(Channel, Day, Planned, retryAt, Lease, Ct);
        Assert.Equal((2, Planned, T0), (retry!.Attempt, retry.Planned, retry.FirstClaimedAt));
    }

    [ContractFact]
    public async Task The_owner_may_reschedule_and_then_complete_before_anyone_takes_over()
    {
        var store = await MigratedAsync();
        var claim = (await store.TryClaimAsync(Channel, Day, Planned, T0, Lease, Ct))!;

        Assert.True(await store.RescheduleAsync(claim, T0.AddMinutes(1), "429", Ct));
        Assert.True(await store.RescheduleAsync(claim, T0.AddMinutes(2), "429 again", Ct));
        Assert.True(await store.CompleteAsync(claim, "m", T0.AddMinutes(2), Ct));

        Assert.Equal(PostStatus.Posted, (await store.FindPostAsync(Channel, Day, Ct))!.Status);
    }

    [ContractFact]
    public async Task Skipping_an_empty_day_records_it_without_a_quote()
    {
        var store = await MigratedAsync();

        Assert.True(await store.SkipAsync(Channel, Day, T0, Ct));

        Assert.Equal(new PostRecord(Channel, Day, PostStatus.Skipped, null, 0, T0, null, null, null, null), await store.FindPostAsync(Channel, Day, Ct));
        Assert.False(await store.SkipAsync(Channel, Day, T0.AddMinutes(1), Ct));
    }

    [ContractFact]
    public async Task Skipping_a_day_that_has_a_row_changes_nothing()
    {
        var store = await MigratedAsync();
        var claim = (await store.TryClaimAsync(Channel, Day, Planned, T0, Lease, Ct))!;
        var before = await store.FindPostAsync(Channel, Day, Ct);

        Assert.False(await store.SkipAsync(Channel, Day, T0.AddMinutes(1), Ct));

        Assert.Equal(before, await store.FindPostAsync(Channel, Day, Ct));
        Assert.True(await store.CompleteAsync(claim, "m", T0, Ct));
    }

    [ContractFact]
    public async Task A_posted_failed_or_skipped_day_cannot_be_claimed()
    {
        var store = await MigratedAsync();
        var posted = (await store.TryClaimAsync(Channel, Day, Planned, T0, Lease, Ct))!;
        await store.CompleteAsync(posted, "m", T0, Ct);
        var failed = (await store.TryClaimAsync(Channel, Day.AddDays(1), Planned, T0, Lease, Ct))!;
        await store.FailAsync(failed, "gone", T0, Ct);
        await store.SkipAsync(Channel, Day.AddDays(2), T0, Ct);

        foreach (var day in new[] { Day, Day.AddDays(1), Day.AddDays(2) })
        {
            Assert.Null(await store.TryClaimAsync(Channel, day, Planned, Far, Lease, Ct));
        }

        Assert.Equal([PostStatus.Posted, PostStatus.Failed, PostStatus.Skipped], (await store.HistoryAsync(Channel, Ct)).Select(p => p.Status));
    }
}
