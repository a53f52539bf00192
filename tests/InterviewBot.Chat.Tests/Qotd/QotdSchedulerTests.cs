using InterviewBot.Chat.Library;
using InterviewBot.Chat.Qotd;
using InterviewBot.Retrieval;
using InterviewBot.Retrieval.Index;
using InterviewBot.Retrieval.Quotes;
using InterviewBot.Store;

namespace InterviewBot.Chat.Tests.Qotd;

public sealed class QotdSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Four_hundred_days_post_once_a_day_without_repeats_until_the_pool_is_used_up()
    {
        await using var rig = await QotdRig.CreateAsync(Start);
        var s = await rig.SubscribeAsync("100");
        var pool = rig.Planner.PoolFor(s).Select(DailyQuotePicker.KeyOf).ToHashSet();

        // Three looks a day: before, just after and long after the posting time.
        for (var day = 0; day < 400; day++)
        {
            foreach (var hour in new[] { 8, 9, 20 })
            {
                rig.Time.SetUtcNow(Start.AddDays(day).AddHours(hour).AddMinutes(1));
                await rig.Scheduler.TickAsync(CancellationToken.None);
            }
        }

        var posts = rig.Discord.Posts;
        Assert.Equal(400, posts.Count);
        Assert.All(posts.Select((p, i) => (p, i)), x => Assert.Equal(Start.AddDays(x.i).AddHours(9).AddMinutes(1), x.p.At));
        var keys = posts.Select(p => DailyQuotePicker.KeyOf(p.Quote)).ToList();
        Assert.Equal(329, pool.Count);
        Assert.Equal(pool, keys.Take(pool.Count).ToHashSet()); // the first cycle is the whole pool, no repeats
        Assert.Equal(400 - pool.Count, keys.Skip(pool.Count).Distinct().Count());
        for (var i = 1; i < posts.Count; i++)
        {
            Assert.NotEqual(posts[i - 1].Quote.Speaker, posts[i].Quote.Speaker);
        }

        var history = await rig.Store.HistoryAsync(s.Channel, CancellationToken.None);
        Assert.Equal(400, history.Count(h => h.Status == PostStatus.Posted));
        Assert.Equal(1, history[^1].Planned!.Cycle);
    }

    [Theory]
    [InlineData("America/New_York", "2026-03-08", "02:30", "2026-03-08T07:00Z")] // skipped hour: when the clocks jump (03:00 EDT)
    [InlineData("America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30Z")] // repeated hour: first occurrence (EDT)
    [InlineData("America/New_York", "2026-03-08", "09:00", "2026-03-08T13:00Z")]
    [InlineData("America/New_York", "2026-11-01", "09:00", "2026-11-01T14:00Z")]
    [InlineData("Europe/London", "2026-03-29", "01:30", "2026-03-29T01:00Z")] // skipped hour: 02:00 BST
    [InlineData("Europe/London", "2026-10-25", "01:30", "2026-10-25T00:30Z")] // repeated hour: first occurrence (BST)
    [InlineData("Europe/London", "2026-03-29", "09:00", "2026-03-29T08:00Z")]
    [InlineData("Europe/London", "2026-10-25", "09:00", "2026-10-25T09:00Z")]
    public async Task Daylight_saving_days_post_once_at_the_documented_local_time(string zone, string date, string time, string expected)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        QotdClock.TryZone(zone, out var tz);
        // From local midnight the day before to local midnight two days after, every 15 minutes.
        var from = QotdClock.DueAt(day.AddDays(-1), TimeOnly.MinValue, tz);
        await using var rig = await QotdRig.CreateAsync(from);
        await rig.SubscribeAsync("200", time, zone);

        await rig.RunAsync(QotdClock.DueAt(day.AddDays(2), TimeOnly.MinValue, tz).AddMinutes(-1), TimeSpan.FromMinutes(15));

        var posts = rig.Discord.Posts;
        Assert.Equal([day.AddDays(-1), day, day.AddDays(1)], posts.Select(p => p.Heading).Select(h => Enumerable.Range(-1, 3).Select(day.AddDays).Single(d => QotdPlanner.Heading(d) == h)));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), posts[1].At);
    }

    [Fact]
    public async Task After_downtime_only_todays_missed_post_is_made()
    {
        await using var rig = await QotdRig.CreateAsync(Start.AddHours(10));
        var s = await rig.SubscribeAsync("300");
        await rig.Scheduler.TickAsync(CancellationToken.None);

        // Down from the 1st at 10:00 until the 5th at 15:00.
        rig.Time.SetUtcNow(Start.AddDays(4).AddHours(15));
        await rig.Scheduler.TickAsync(CancellationToken.None);
        await rig.Scheduler.TickAsync(CancellationToken.None);

        var days = (await rig.Store.HistoryAsync(s.Channel, CancellationToken.None)).Select(h => h.LocalDate).ToList();
        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 5)], days);
        Assert.Equal(2, rig.Discord.Posts.Count);
    }

    [Fact]
    public async Task A_crash_between_claiming_and_posting_is_posted_once_when_the_lease_runs_out()
    {
        await using var rig = await QotdRig.CreateAsync(Start.AddHours(9));
        var s = await rig.SubscribeAsync("400");
        var today = DateOnly.FromDateTime(Start.UtcDateTime);
        var pick = rig.Planner.Plan(s, today, [])!;
        var crashed = await rig.Store.TryClaimAsync(s.Channel, today, new PlannedPost(pick.QuoteKey, pick.Quote.Speaker, pick.Cycle), rig.Time.GetUtcNow(), rig.Options.Lease, CancellationToken.None);
        Assert.NotNull(crashed);

        rig.Time.Advance(TimeSpan.FromMinutes(1));
        await rig.Scheduler.TickAsync(CancellationToken.None);
        Assert.Empty(rig.Discord.Posts); // the lease still holds

        rig.Time.Advance(rig.Options.Lease);
        await rig.Scheduler.TickAsync(CancellationToken.None);
        await rig.Scheduler.TickAsync(CancellationToken.None);

        var post = Assert.Single(rig.Discord.Posts);
        Assert.Equal(pick.Quote.Text, post.Quote.Text); // the quote chosen at the first claim
        var record = await rig.Store.FindPostAsync(s.Channel, today, CancellationToken.None);
        Assert.Equal(PostStatus.Posted, record!.Status);
        Assert.Equal(2, record.Attempts);
    }

    [Fact]
    public async Task A_crash_after_posting_but_before_recording_is_recorded_without_posting_again()
    {
        await using var rig = await QotdRig.CreateAsync(Start.AddHours(9));
        var s = await rig.SubscribeAsync("500");
        var today = DateOnly.FromDateTime(Start.UtcDateTime);
        var pick = rig.Planner.Plan(s, today, [])!;
        await rig.Store.TryClaimAsync(s.Channel, today, new PlannedPost(pick.QuoteKey, pick.Quote.Speaker, pick.Cycle), rig.Time.GetUtcNow(), rig.Options.Lease, CancellationToken.None);
        rig.Discord.Add("500", QotdPlanner.Heading(today), pick.Quote); // it posted, then died

        rig.Time.Advance(rig.Options.Lease + TimeSpan.FromMinutes(1));
        await rig.Scheduler.TickAsync(CancellationToken.None);

        Assert.Single(rig.Discord.Posts);
        Assert.Equal(0, rig.Discord.Calls);
        var record = await rig.Store.FindPostAsync(s.Channel, today, CancellationToken.None);
        Assert.Equal(PostStatus.Posted, record!.Status);
        Assert.Equal("1", record.MessageId);
    }

    [Fact]
    public async Task A_post_whose_response_was_lost_is_found_on_the_retry_not_posted_twice()
    {
        await using var rig = await QotdRig.CreateAsync(Start.AddHours(9));
        var s = await rig.SubscribeAsync("600");
        rig.Discord.LoseResponses(1);

        await rig.RunAsync(Start.AddHours(10), TimeSpan.FromSeconds(10));

        Assert.Single(rig.Discord.Posts);
        var record = await rig.Store.FindPostAsync(s.Channel, new DateOnly(2026, 1, 1), CancellationToken.None);
        Assert.Equal(PostStatus.Posted, record!.Status);
        Assert.Equal(2, record.Attempts);
    }

    [Fact]
    public async Task Transient_failures_are_retried_with_growing_delays_and_then_posted()
    {
        await using var rig = await QotdRig.CreateAsync(Start.AddHours(9));
        await rig.SubscribeAsync("700");
        rig.Discord.FailNext(new QotdPostException("503 Service Unavailable", false), new QotdPostException("429 Too Many Requests", false, TimeSpan.FromMinutes(3)));

        await rig.RunAsync(Start.AddHours(10), TimeSpan.FromSeconds(5));

        var post = Assert.Single(rig.Discord.Posts);
        Assert.Equal(3, rig.Discord.Calls);
        // First retry after 30 s; the second waits for the platform's Retry-After (3 min) rather than 60 s.
        Assert.InRange(post.At, Start.AddHours(9).AddSeconds(30 + 180), Start.AddHours(9).AddSeconds(30 + 180 + 10));
    }

    [Fact]
    public async Task A_post_that_keeps_failing_is_recorded_as_failed_after_the_last_attempt_and_left_alone()
    {
        await using var rig = await QotdRig.CreateAsync(Start.AddHours(9));
        var s = await rig.SubscribeAsync("800");
        rig.Discord.FailNext(Enumerable.Range(0, rig.Options.MaxAttempts).Select(_ => new QotdPostException("502 Bad Gateway", false)).ToArray());

        await rig.RunAsync(Start.AddHours(20), TimeSpan.FromMinutes(1));

        Assert.Empty(rig.Discord.Posts);
        Assert.Equal(rig.Options.MaxAttempts, rig.Discord.Calls);
        var record = await rig.Store.FindPostAsync(s.Channel, new DateOnly(2026, 1, 1), CancellationToken.None);
        Assert.Equal(PostStatus.Failed, record!.Status);
        Assert.Equal("502 Bad Gateway", record.Error);

        // The next day is a new day.
        await rig.RunAsync(Start.AddDays(1).AddHours(10), TimeSpan.FromMinutes(30));
        Assert.Single(rig.Discord.Posts);
    }

    [Fact]
    public async Task A_permanent_failure_is_not_retried()
    {
        await using var rig = await QotdRig.CreateAsync(Start.AddHours(9));
        var s = await rig.SubscribeAsync("900");
        rig.Discord.FailNext(new QotdPostException("403 Missing Access", permanent: true));

        await rig.RunAsync(Start.AddHours(12), TimeSpan.FromMinutes(1));

        Assert.Equal(1, rig.Discord.Calls);
        var record = await rig.Store.FindPostAsync(s.Channel, new DateOnly(2026, 1, 1), CancellationToken.None);
        Assert.Equal(PostStatus.Failed, record!.Status);
    }

    [Fact]
    public async Task A_platform_that_is_not_configured_claims_nothing_so_the_day_can_still_be_posted_once_it_is()
    {
        await using var rig = await QotdRig.CreateAsync(Start.AddHours(9));
        var s = await rig.SubscribeAsync("C1", platform: ChannelRef.Slack);
        rig.Slack.Unavailable = "Slack:BotToken is not set";
        await rig.RunAsync(Start.AddHours(10), TimeSpan.FromMinutes(10));
        Assert.Null(await rig.Store.FindPostAsync(s.Channel, new DateOnly(2026, 1, 1), CancellationToken.None));

        rig.Slack.Unavailable = null;
        await rig.RunAsync(Start.AddHours(11), TimeSpan.FromMinutes(10));
        Assert.Single(rig.Slack.Posts);
    }

    [Fact]
    public async Task Switched_off_and_skipped_days_post_nothing()
    {
        await using var rig = await QotdRig.CreateAsync(Start);
        var off = await rig.SubscribeAsync("1000");
        await rig.Store.SaveSubscriptionAsync(off with { Enabled = false }, CancellationToken.None);
        var on = await rig.SubscribeAsync("1001");
        Assert.True(await rig.Store.SkipAsync(on.Channel, new DateOnly(2026, 1, 2), Start, CancellationToken.None));

        await rig.RunAsync(Start.AddDays(3), TimeSpan.FromHours(1));

        Assert.Equal(["1001", "1001"], rig.Discord.Posts.Select(p => p.ChannelId)); // the 1st and the 3rd
        Assert.DoesNotContain(rig.Discord.Posts, p => p.Heading == QotdPlanner.Heading(new DateOnly(2026, 1, 2)));
    }

    [Fact]
    public async Task An_interview_added_to_the_corpus_joins_the_pool_without_resetting_history()
    {
        var full = QotdRig.SyntheticLibrary;
        var fewer = new QuoteLibrary(new Retriever(IndexCache.LoadOrBuild(full.Corpus with { Interviews = full.Corpus.Interviews.Skip(1).ToList() }, null, embeddings: false)));
        var added = full.Corpus.Interviews[0].Id;
        await using var rig = await QotdRig.CreateAsync(Start, library: fewer);
        var s = await rig.SubscribeAsync("1100");
        await rig.RunAsync(Start.AddDays(20), TimeSpan.FromHours(6));
        Assert.DoesNotContain(rig.Discord.Posts, p => p.Quote.Interview.Id == added);

        rig.Library.Replace(full);
        await rig.RunAsync(Start.AddDays(120), TimeSpan.FromHours(6));

        var posts = rig.Discord.Posts;
        Assert.Equal(120, posts.Count); // 20 days before the new interview, 100 after
        Assert.Equal(120, posts.Select(p => p.Quote.Text).Distinct().Count());
        Assert.Contains(posts.Skip(20), p => p.Quote.Interview.Id == added);
        Assert.All(await rig.Store.HistoryAsync(s.Channel, default), h => Assert.Equal(0, h.Planned!.Cycle));
    }

    [Fact]
    public async Task A_long_pass_over_many_channels_gives_each_claim_a_fresh_lease_so_a_second_replica_cannot_take_it()
    {
        await using var rig = await QotdRig.CreateAsync(Start.AddHours(9));
        for (var i = 1; i <= 7; i++)
        {
            await rig.SubscribeAsync($"slow{i}");
        }

        // Each post takes 55 s; while the seventh is going out (six minutes into the pass) the other replica looks.
        var second = await rig.ReplicaAsync();
        rig.Discord.PostTakes = TimeSpan.FromSeconds(55);
        rig.Discord.WhilePosting = async channel =>
        {
            if (channel == "slow7")
            {
                rig.Discord.WhilePosting = null;
                await second.TickAsync(CancellationToken.None);
            }
        };

        await rig.Scheduler.TickAsync(CancellationToken.None);

        Assert.Equal(7, rig.Discord.Posts.Count);
        Assert.Equal(7, rig.Discord.Posts.Select(p => p.ChannelId).Distinct().Count());
    }

    [Fact]
    public async Task Retries_that_run_past_local_midnight_go_on_and_end_recorded_as_failed()
    {
        await using var rig = await QotdRig.CreateAsync(Start.AddHours(23).AddMinutes(58));
        var s = await rig.SubscribeAsync("late", "23:58");
        rig.Discord.FailNext(Enumerable.Range(0, rig.Options.MaxAttempts).Select(_ => new QotdPostException("502 Bad Gateway", false)).ToArray());

        await rig.RunAsync(Start.AddDays(1).AddHours(1), TimeSpan.FromMinutes(1));

        var record = await rig.Store.FindPostAsync(s.Channel, new DateOnly(2026, 1, 1), default);
        Assert.Equal(PostStatus.Failed, record!.Status);
        Assert.Equal(rig.Options.MaxAttempts, rig.Discord.Calls);
    }

    [Fact]
    public async Task A_crash_just_before_local_midnight_is_taken_over_and_posted_after_it()
    {
        await using var rig = await QotdRig.CreateAsync(Start.AddHours(23).AddMinutes(58));
        var s = await rig.SubscribeAsync("late", "23:58");
        var day = new DateOnly(2026, 1, 1);
        var pick = rig.Planner.Plan(s, day, [])!;
        await rig.Store.TryClaimAsync(s.Channel, day, new PlannedPost(pick.QuoteKey, pick.Quote.Speaker, pick.Cycle), rig.Time.GetUtcNow(), rig.Options.Lease, default);

        await rig.RunAsync(Start.AddDays(1).AddHours(1), TimeSpan.FromMinutes(1));

        var post = Assert.Single(rig.Discord.Posts);
        Assert.Equal((QotdPlanner.Heading(day), pick.Quote.Text), (post.Heading, post.Quote.Text));
        Assert.True(post.At > Start.AddDays(1));
        Assert.Equal(PostStatus.Posted, (await rig.Store.FindPostAsync(s.Channel, day, default))!.Status);
    }

    [Fact]
    public async Task A_day_left_claimed_across_a_long_outage_is_settled_not_posted_late()
    {
        await using var rig = await QotdRig.CreateAsync(Start.AddHours(9));
        var s = await rig.SubscribeAsync("outage");
        var day = new DateOnly(2026, 1, 1);
        var pick = rig.Planner.Plan(s, day, [])!;
        await rig.Store.TryClaimAsync(s.Channel, day, new PlannedPost(pick.QuoteKey, pick.Quote.Speaker, pick.Cycle), rig.Time.GetUtcNow(), rig.Options.Lease, default);

        rig.Time.SetUtcNow(Start.AddDays(3).AddHours(8)); // back on the 4th, before its posting time
        await rig.Scheduler.TickAsync(CancellationToken.None);

        Assert.Empty(rig.Discord.Posts);
        var record = await rig.Store.FindPostAsync(s.Channel, day, default);
        Assert.Equal(PostStatus.Failed, record!.Status);
        Assert.Contains("down until after the next day", record.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subscription_switched_off_mid_retry_is_settled_and_recorded_when_its_post_did_land()
    {
        await using var rig = await QotdRig.CreateAsync(Start.AddHours(9));
        var s = await rig.SubscribeAsync("off");
        rig.Discord.LoseResponses(1); // lands, but looks like a timeout: a retry is scheduled
        await rig.Scheduler.TickAsync(CancellationToken.None);
        await rig.Store.SaveSubscriptionAsync(s with { Enabled = false }, default);

        await rig.RunAsync(Start.AddHours(10), TimeSpan.FromMinutes(1));

        Assert.Single(rig.Discord.Posts);
        Assert.Equal(PostStatus.Posted, (await rig.Store.FindPostAsync(s.Channel, new DateOnly(2026, 1, 1), default))!.Status);
    }

    [Fact]
    public async Task Moving_a_channel_to_a_zone_behind_its_old_one_does_not_post_a_second_time_that_day()
    {
        // 20:00 UTC on the 1st is 09:00 on the 2nd in Auckland and noon on the 1st in Los Angeles.
        await using var rig = await QotdRig.CreateAsync(Start.AddHours(20));
        var s = await rig.SubscribeAsync("west", "09:00", "Pacific/Auckland");
        await rig.Scheduler.TickAsync(CancellationToken.None);
        await rig.Store.SaveSubscriptionAsync(s with { TimeZone = "America/Los_Angeles" }, default);

        await rig.RunAsync(Start.AddDays(1).AddHours(12), TimeSpan.FromHours(1));

        Assert.Single(rig.Discord.Posts); // the 1st in Los Angeles is before the 2nd already posted
    }

    [Fact]
    public async Task Two_replicas_on_one_sqlite_file_post_exactly_once_a_day()
    {
        await using var rig = await QotdRig.CreateAsync(Start);
        await TwoReplicasAsync(rig, days: 30);
    }

    [PostgresFact]
    public async Task Two_replicas_on_one_postgresql_post_exactly_one_hundred_times_in_one_hundred_days()
    {
        await using var rig = await QotdRig.CreateAsync(Start, postgres: true);
        await TwoReplicasAsync(rig, days: 100);
    }

    private static async Task TwoReplicasAsync(QotdRig rig, int days)
    {
        await rig.SubscribeAsync("A1", "09:00", "Europe/London");
        await rig.SubscribeAsync("C2", "07:30", "America/New_York", ChannelRef.Slack);
        var second = await rig.ReplicaAsync();

        // From 05:00 UTC (midnight in New York) on the 1st to just before it on the day after the last.
        rig.Time.SetUtcNow(Start.AddHours(5));
        await rig.RunAsync(Start.AddDays(days).AddHours(5).AddMinutes(-1), TimeSpan.FromMinutes(30), rig.Scheduler, second);

        Assert.Equal(days, rig.Discord.Posts.Count(p => p.ChannelId == "A1"));
        Assert.Equal(days, rig.Slack.Posts.Count(p => p.ChannelId == "C2"));
        Assert.Equal(days, rig.Discord.Posts.Select(p => p.Heading).Distinct().Count());
        Assert.Equal(days, rig.Slack.Posts.Select(p => p.Heading).Distinct().Count());
    }
}
