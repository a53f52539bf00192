using InterviewBot.Chat.Slack;
using Microsoft.Extensions.Time.Testing;

namespace InterviewBot.Chat.Tests.Slack;

public sealed class SlackEventDeduperTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void An_event_id_is_new_once_and_a_repeat_is_not()
    {
        var dedupe = new SlackEventDeduper(_time);
        Assert.True(dedupe.FirstTime("Ev1"));
        Assert.False(dedupe.FirstTime("Ev1"));
        Assert.True(dedupe.FirstTime("Ev2"));
    }

    [Fact]
    public void A_repeat_within_Slacks_retry_schedule_is_still_recognised()
    {
        var dedupe = new SlackEventDeduper(_time);
        dedupe.FirstTime("Ev1");
        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.False(dedupe.FirstTime("Ev1"));
    }

    [Fact]
    public void Ids_are_forgotten_after_the_memory_window()
    {
        var dedupe = new SlackEventDeduper(_time);
        dedupe.FirstTime("Ev1");
        _time.Advance(SlackEventDeduper.Memory + TimeSpan.FromSeconds(1));
        Assert.True(dedupe.FirstTime("Ev2"));
        Assert.Equal(1, dedupe.Count);
        Assert.True(dedupe.FirstTime("Ev1"));
    }

    [Fact]
    public void Memory_is_bounded_by_count_dropping_the_oldest()
    {
        var dedupe = new SlackEventDeduper(_time);
        for (var i = 0; i < SlackEventDeduper.Capacity + 100; i++)
        {
            Assert.True(dedupe.FirstTime($"Ev{i}"));
        }

        Assert.Equal(SlackEventDeduper.Capacity, dedupe.Count);
        Assert.False(dedupe.FirstTime($"Ev{SlackEventDeduper.Capacity + 99}"));
        Assert.True(dedupe.FirstTime("Ev0"));
    }
}
