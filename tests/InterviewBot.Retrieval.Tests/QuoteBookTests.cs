using InterviewBot.Core.Model;
using InterviewBot.Retrieval.Quotes;

namespace InterviewBot.Retrieval.Tests;

public sealed class QuoteBookTests
{
    private static readonly QuoteBook Book = new(SeedIndex.Index.Corpus);

    [Fact]
    public void Standalone_quotes_are_interviewee_statements_of_sixty_to_three_hundred_characters()
    {
        var pool = Book.Matching();
        Assert.True(pool.Count >= 20, $"pool has {pool.Count}");
        Assert.All(pool, q =>
        {
            Assert.Equal(SpeakerRole.Interviewee, q.Role);
            Assert.InRange(q.Text.Length, QuoteBook.MinLength, QuoteBook.MaxLength);
            Assert.DoesNotContain("?", q.Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_quote_of_the_day_is_the_same_for_the_same_date_and_varies_across_dates()
    {
        var day = new DateOnly(2026, 11, 23);
        Assert.Equal(Book.OfTheDay(day)!.Text, new QuoteBook(SeedIndex.Index.Corpus).OfTheDay(day)!.Text);
        var week = Enumerable.Range(0, 14).Select(i => Book.OfTheDay(day.AddDays(i))!.Text).Distinct().Count();
        Assert.True(week > 5, $"only {week} distinct quotes in 14 days");
    }

    [Fact]
    public void Filters_that_match_nobody_give_no_quote()
    {
        Assert.Null(Book.OfTheDay(new DateOnly(2026, 1, 1), speaker: "Nobody Atall"));
        Assert.NotNull(Book.OfTheDay(new DateOnly(2026, 1, 1), speaker: "Russo"));
    }
}
