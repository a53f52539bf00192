using InterviewBot.Chat.Commands;
using InterviewBot.Chat.Qotd;
using InterviewBot.Store;

namespace InterviewBot.Chat.Tests.Qotd;

public sealed class QotdDeskTests
{
    private static readonly DateTimeOffset Noon = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ChannelRef Channel = new(ChannelRef.Discord, "42");

    [Fact]
    public async Task A_manager_subscribes_a_channel_with_a_time_zone_and_a_speaker()
    {
        await using var rig = await QotdRig.CreateAsync(Noon);
        var speaker = QotdRig.SyntheticLibrary.Speakers[0];

        var reply = await rig.Desk().HandleAsync(Manage(QotdAction.Subscribe) with { Time = "8:30", TimeZone = "Europe/London", Speaker = speaker }, default);

        Assert.Contains("08:30 Europe/London", reply.Notice);
        Assert.Contains("Today's posts now, as 08:30 has passed; then Tue 2 Jun 2026 at 08:30.", reply.Notice);
        var s = await rig.Store.FindSubscriptionAsync(Channel, default);
        Assert.Equal(new TimeOnly(8, 30), s!.LocalTime);
        Assert.Equal(speaker, s.Speaker);
        Assert.Equal(("chat", "U1", true), (s.Source, s.UpdatedBy, s.Enabled));
    }

    [Theory]
    [InlineData(QotdAction.Subscribe)]
    [InlineData(QotdAction.Unsubscribe)]
    [InlineData(QotdAction.Skip)]
    public async Task Members_who_cannot_manage_the_server_cannot_change_anything(QotdAction action)
    {
        await using var rig = await QotdRig.CreateAsync(Noon);
        await rig.SubscribeAsync("42");

        var reply = await rig.Desk().HandleAsync(Manage(action) with { CanManage = false }, default);

        Assert.Contains("manage this server", reply.Notice);
        Assert.True((await rig.Store.FindSubscriptionAsync(Channel, default))!.Enabled);
        Assert.Empty(await rig.Store.HistoryAsync(Channel, default));
    }

    [Theory]
    [InlineData("25:00", null, "HH:mm")]
    [InlineData("09:00", "Mars/Olympus", "not a time zone")]
    public async Task Bad_times_and_zones_are_refused_with_a_hint(string time, string? zone, string expected)
    {
        await using var rig = await QotdRig.CreateAsync(Noon);
        var reply = await rig.Desk().HandleAsync(Manage(QotdAction.Subscribe) with { Time = time, TimeZone = zone }, default);
        Assert.Contains(expected, reply.Notice);
        Assert.Null(await rig.Store.FindSubscriptionAsync(Channel, default));
    }

    [Fact]
    public async Task A_filter_that_matches_no_quote_is_refused()
    {
        await using var rig = await QotdRig.CreateAsync(Noon);
        var reply = await rig.Desk().HandleAsync(Manage(QotdAction.Subscribe) with { Speaker = "Nobody Atall" }, default);
        Assert.Contains("nothing to post", reply.Notice);
    }

    [Fact]
    public async Task Skip_marks_the_next_post_and_the_scheduler_leaves_that_day_out()
    {
        await using var rig = await QotdRig.CreateAsync(Noon);
        await rig.SubscribeAsync("42"); // 09:00 UTC: today's time has passed, so the next post is tomorrow's

        var reply = await rig.Desk().HandleAsync(Manage(QotdAction.Skip), default);
        Assert.Contains("2 June 2026", reply.Notice);
        Assert.Contains("already", (await rig.Desk().HandleAsync(Manage(QotdAction.Skip), default)).Notice);
        var status = (await rig.Desk().HandleAsync(Manage(QotdAction.Status), default)).Notice;
        Assert.Contains("Skipping: Tue 2 Jun 2026.", status);
        Assert.DoesNotContain("Last:", status); // a skip ahead is not the last post

        await rig.RunAsync(Noon.AddDays(2), TimeSpan.FromHours(1));
        Assert.Equal([QotdPlanner.Heading(new DateOnly(2026, 6, 1)), QotdPlanner.Heading(new DateOnly(2026, 6, 3))], rig.Discord.Posts.Select(p => p.Heading));
    }

    [Fact]
    public async Task Unsubscribe_stops_posting_and_keeps_history_so_a_new_subscription_continues_without_repeats()
    {
        await using var rig = await QotdRig.CreateAsync(Noon);
        var s = await rig.SubscribeAsync("42");
        await rig.RunAsync(Noon.AddDays(5), TimeSpan.FromHours(6));
        Assert.Contains("Stopped", (await rig.Desk().HandleAsync(Manage(QotdAction.Unsubscribe), default)).Notice);
        await rig.RunAsync(Noon.AddDays(8), TimeSpan.FromHours(6));
        Assert.Equal(6, rig.Discord.Posts.Count);

        // Back on the 9th at 18:00 (past 09:00, so the 9th is caught up) until the 13th.
        await rig.Desk().HandleAsync(Manage(QotdAction.Subscribe), default);
        await rig.RunAsync(Noon.AddDays(12), TimeSpan.FromHours(6));
        Assert.Equal(11, rig.Discord.Posts.Count);
        Assert.Equal(11, rig.Discord.Posts.Select(p => p.Quote.Text).Distinct().Count());
        Assert.Equal(11, (await rig.Store.HistoryAsync(s.Channel, default)).Count);
    }

    [Fact]
    public async Task Subscriptions_from_configuration_cannot_be_changed_in_chat()
    {
        await using var rig = await QotdRig.CreateAsync(Noon);
        await QotdStartup.SyncAsync(rig.Store, [new ConfiguredSubscription { Platform = "discord", Channel = "42" }], Noon, default);

        var reply = await rig.Desk().HandleAsync(Manage(QotdAction.Unsubscribe), default);

        Assert.Contains("Qotd:Subscriptions", reply.Notice);
        Assert.True((await rig.Store.FindSubscriptionAsync(Channel, default))!.Enabled);
    }

    [Fact]
    public async Task Status_tells_when_the_next_post_is_and_how_the_last_one_went()
    {
        await using var rig = await QotdRig.CreateAsync(Noon);
        await rig.SubscribeAsync("42", "17:45", "America/New_York");
        rig.Discord.FailNext(new QotdPostException("403 Missing Access", permanent: true));
        await rig.RunAsync(Noon.AddHours(12), TimeSpan.FromMinutes(15));

        var reply = await rig.Desk().HandleAsync(new QotdRequest(QotdAction.Status) { Channel = Channel }, default);

        Assert.Contains("is on: 17:45 America/New_York", reply.Notice);
        Assert.Contains("Next: Tue 2 Jun 2026 at 17:45", reply.Notice);
        Assert.Contains("Last: Mon 1 Jun 2026, failed after 1 attempt(s): 403 Missing Access", reply.Notice);
    }

    [Fact]
    public async Task The_quote_shown_in_a_subscribed_channel_is_the_one_the_scheduler_posts()
    {
        await using var rig = await QotdRig.CreateAsync(Noon.AddHours(-6)); // 06:00, before the 09:00 post
        await rig.SubscribeAsync("42");
        var shown = await rig.Desk().HandleAsync(new QotdRequest { Channel = Channel }, default);

        await rig.RunAsync(Noon, TimeSpan.FromHours(1));

        Assert.Equal(rig.Discord.Posts.Single().Quote.Text, Assert.Single(shown.Quotes).Text);
        Assert.Equal(QotdPlanner.Heading(new DateOnly(2026, 6, 1)), shown.Heading);
    }

    [Fact]
    public async Task A_preview_of_a_later_date_is_exactly_what_gets_posted_that_day()
    {
        await using var rig = await QotdRig.CreateAsync(Noon.AddHours(-6));
        var s = await rig.SubscribeAsync("42");
        var today = new DateOnly(2026, 6, 1);
        var previews = new List<string>();
        for (var d = 0; d < 20; d++)
        {
            previews.Add(rig.Planner.Preview(s, today.AddDays(d), today, await rig.Store.HistoryAsync(s.Channel, default)).Quote!.Text);
        }

        await rig.RunAsync(Noon.AddDays(19), TimeSpan.FromHours(3));

        Assert.Equal(previews, rig.Discord.Posts.Select(p => p.Quote.Text));
    }

    private static QotdRequest Manage(QotdAction action) => new(action) { Channel = Channel, UserId = "U1", CanManage = true };
}
