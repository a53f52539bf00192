using System.Globalization;
using InterviewBot.Core.Model;
using InterviewBot.Retrieval.Quotes;

namespace InterviewBot.Retrieval.Tests;

public sealed class DailyQuotePickerTests
{
    private static readonly DateOnly Start = new(2026, 1, 1);

    [Fact]
    public void Four_hundred_days_from_a_large_pool_never_repeat_a_quote_or_a_speaker_on_consecutive_days()
    {
        var pool = Pool(("Ana", 120), ("Ben", 110), ("Cleo", 100), ("Dev", 90), ("Eve", 80));
        var days = Simulate(pool, "discord:1", 400);

        Assert.Equal(400, days.Select(d => d.QuoteKey).Distinct().Count());
        Assert.All(days, d => Assert.Equal(0, d.Cycle));
        AssertNoSpeakerTwiceInARow(days);
    }

    [Fact]
    public void A_small_pool_is_used_up_once_per_cycle_before_any_quote_returns()
    {
        var pool = Pool(("Ana", 12), ("Ben", 10), ("Cleo", 8));
        var days = Simulate(pool, "slack:C1", 400);

        foreach (var cycle in days.GroupBy(d => d.Cycle))
        {
            Assert.Equal(cycle.Count(), cycle.Select(d => d.QuoteKey).Distinct().Count());
        }

        // Every full cycle is exactly the pool, in consecutive days.
        for (var c = 0; c < 400 / 30; c++)
        {
            Assert.Equal(30, days.Skip(c * 30).Take(30).Count(d => d.Cycle == c));
        }

        AssertNoSpeakerTwiceInARow(days);
    }

    [Fact]
    public void The_same_channel_date_and_history_always_give_the_same_quote()
    {
        var pool = Pool(("Ana", 40), ("Ben", 40));
        var history = Simulate(pool, "discord:1", 20);
        var again = Simulate(pool.AsEnumerable().Reverse().ToList(), "discord:1", 20);

        Assert.Equal(history.Select(h => h.QuoteKey), again.Select(h => h.QuoteKey));
        var other = Simulate(pool, "discord:2", 20);
        Assert.NotEqual(history.Select(h => h.QuoteKey), other.Select(h => h.QuoteKey));
    }

    [Fact]
    public void Quotes_added_mid_cycle_join_the_pool_without_bringing_back_used_ones()
    {
        var pool = Pool(("Ana", 5), ("Ben", 5));
        var history = Simulate(pool, "discord:1", 6);
        var added = Pool(("Cleo", 4)).Select(q => q with { Text = "New " + q.Text }).ToList();
        var grown = pool.Concat(added).ToList();

        var rest = Simulate(grown, "discord:1", 8, history);

        Assert.Equal(14, rest.Select(d => d.QuoteKey).Distinct().Count());
        Assert.All(rest, d => Assert.Equal(0, d.Cycle));
        Assert.Contains(rest.Skip(6), d => d.Speaker == "Cleo");
    }

    [Fact]
    public void A_single_speaker_pool_repeats_the_speaker_but_not_the_quote()
    {
        var days = Simulate(Pool(("Ana", 7)), "discord:1", 7);
        Assert.Equal(7, days.Select(d => d.QuoteKey).Distinct().Count());
    }

    [Fact]
    public void The_speaker_rule_looks_only_at_the_day_before()
    {
        var pool = Pool(("Ana", 1), ("Ben", 3));
        var ben = pool.First(q => q.Speaker == "Ben");
        PastPick[] history = [new(Start, DailyQuotePicker.KeyOf(ben), "Ben", 0)];

        Assert.Equal("Ana", DailyQuotePicker.Pick(pool, "discord:1", Start.AddDays(1), history)!.Quote.Speaker);
        // After a day without a post Ben may come again, and holding most of what is left he must.
        Assert.Equal("Ben", DailyQuotePicker.Pick(pool, "discord:1", Start.AddDays(2), history)!.Quote.Speaker);
    }

    [Fact]
    public void An_empty_pool_gives_no_pick()
    {
        Assert.Null(DailyQuotePicker.Pick([], "discord:1", Start, []));
    }

    [Fact]
    public void Keys_depend_on_the_interview_and_the_words_not_on_the_position()
    {
        var q = Pool(("Ana", 1))[0];
        Assert.Equal(DailyQuotePicker.KeyOf(q), DailyQuotePicker.KeyOf(q with { Location = q.Location with { Turn = 99 } }));
        Assert.NotEqual(DailyQuotePicker.KeyOf(q), DailyQuotePicker.KeyOf(q with { Text = q.Text + " Indeed." }));
    }

    private static List<PastPick> Simulate(IReadOnlyList<Quote> pool, string channel, int days, IReadOnlyList<PastPick>? before = null)
    {
        var history = new List<PastPick>(before ?? []);
        var first = history.Count > 0 ? history[^1].Date.AddDays(1) : Start;
        for (var i = 0; i < days; i++)
        {
            var date = first.AddDays(i);
            var pick = DailyQuotePicker.Pick(pool, channel, date, history)!;
            history.Add(new PastPick(date, pick.QuoteKey, pick.Quote.Speaker, pick.Cycle));
        }

        return history;
    }

    private static void AssertNoSpeakerTwiceInARow(IReadOnlyList<PastPick> days)
    {
        for (var i = 1; i < days.Count; i++)
        {
            Assert.True(days[i].Speaker != days[i - 1].Speaker, $"{days[i].Speaker} on {days[i - 1].Date} and {days[i].Date}");
        }
    }

    private static List<Quote> Pool(params (string Speaker, int Count)[] speakers) =>
        speakers.SelectMany(s => Enumerable.Range(0, s.Count).Select(i => new Quote(
            string.Create(CultureInfo.InvariantCulture, $"{s.Speaker} says thing number {i}, which stands on its own."),
            s.Speaker, SpeakerRole.Interviewee, new InterviewRef("int-" + s.Speaker, "Talk", null, null, null), null, 0, null,
            new QuoteLocation("int-" + s.Speaker, i, 0, 1)))).ToList();
}
