using InterviewBot.Chat.Commands;
using InterviewBot.Chat.Library;
using InterviewBot.Chat.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace InterviewBot.Chat.Tests.Commands;

public sealed class ChatRouterTests
{
    private readonly ChatRouter _router = new(SeedLibrary.Holder(), new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero)));

    [Fact]
    public async Task Asking_about_Heat_returns_verbatim_attributed_quotes_and_a_next_page()
    {
        var reply = await _router.HandleAsync(new AskRequest("Why is Heat still the touchstone for action movies?"));
        Assert.Null(reply.Notice);
        Assert.InRange(reply.Quotes.Count, 1, ChatRouter.PageSize);
        Assert.Contains(reply.Quotes, q => q.Text.Contains("touchstone", StringComparison.Ordinal) && q.Speaker == "Joe Russo");
        var source = await File.ReadAllTextAsync(RepoPaths.SeedTranscript);
        var normalised = string.Join(' ', source.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.All(reply.Quotes, q => Assert.Contains(q.Text.Replace("…", "", StringComparison.Ordinal).Trim(), normalised, StringComparison.Ordinal));
        Assert.Equal(new AskRequest("Why is Heat still the touchstone for action movies?", null, ChatRouter.PageSize), reply.More);
    }

    [Fact]
    public async Task The_next_page_does_not_repeat_the_first()
    {
        const string question = "What does Joe Russo say about Heat?";
        var first = await _router.HandleAsync(new AskRequest(question));
        var second = await _router.HandleAsync(first.More!);
        Assert.Empty(first.Quotes.Select(q => q.Location).Intersect(second.Quotes.Select(q => q.Location)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_question_gets_a_private_hint(string question)
    {
        var reply = await _router.HandleAsync(new AskRequest(question));
        Assert.True(reply.Ephemeral);
        Assert.StartsWith("Ask me a question", reply.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_question_gets_a_clear_limit()
    {
        var reply = await _router.HandleAsync(new AskRequest(new string('a', 5000)));
        Assert.Contains("5000 characters", reply.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_about_something_never_mentioned_is_answered_honestly()
    {
        var reply = await _router.HandleAsync(new AskRequest("What does he think of Oppenheimer?"));
        Assert.Empty(reply.Quotes);
        Assert.Contains("Oppenheimer", reply.Notice, StringComparison.Ordinal);
        Assert.True(reply.Ephemeral);
    }

    [Fact]
    public async Task An_unknown_speaker_filter_says_so()
    {
        var reply = await _router.HandleAsync(new AskRequest("Heat?", "Nobody Atall"));
        Assert.Contains("Nobody Atall", reply.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quote_lookup_by_speaker_returns_that_speakers_quote()
    {
        var reply = await _router.HandleAsync(new QuoteRequest(Speaker: "Russo"));
        Assert.Equal("Joe Russo", Assert.Single(reply.Quotes).Speaker);
    }

    [Fact]
    public async Task Quote_lookup_of_an_unknown_interview_says_so()
    {
        var reply = await _router.HandleAsync(new QuoteRequest(InterviewId: "no-such-interview"));
        Assert.Contains("no-such-interview", reply.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_quote_of_the_day_is_the_same_one_the_book_picks_for_today()
    {
        var reply = await _router.HandleAsync(new QotdRequest());
        Assert.Equal(SeedLibrary.Instance.Book.OfTheDay(new DateOnly(2026, 11, 23))!.Text, Assert.Single(reply.Quotes).Text);
        Assert.Equal("Quote of the day, 23 November 2026", reply.Heading);
    }

    [Fact]
    public async Task Context_shows_the_interviewers_question_and_the_answer_around_the_quote()
    {
        var quote = (await _router.HandleAsync(new AskRequest("Why is Heat still the touchstone for action movies?"))).Quotes[0];
        var at = quote.Location;
        var reply = await _router.HandleAsync(new ContextRequest(QuoteLibrary.KeyOf(at.InterviewId), at.Turn, at.FirstSentence, at.SentenceCount));
        Assert.True(reply.Ephemeral);
        Assert.NotNull(reply.Context);
        Assert.Equal(quote.Text, reply.Context!.Quote.Text);
        Assert.False(string.IsNullOrWhiteSpace(reply.Context.Question));
    }

    [Fact]
    public async Task Context_whose_position_now_holds_other_words_is_refused_not_shown_around_them()
    {
        var quote = (await _router.HandleAsync(new AskRequest("Why is Heat still the touchstone for action movies?"))).Quotes[0];
        var at = quote.Location;
        var key = QuoteLibrary.KeyOf(at.InterviewId);

        var same = await _router.HandleAsync(new ContextRequest(key, at.Turn, at.FirstSentence, at.SentenceCount, QuoteLibrary.CheckOf(quote.Text)));
        var moved = await _router.HandleAsync(new ContextRequest(key, at.Turn, at.FirstSentence, at.SentenceCount, QuoteLibrary.CheckOf("words from before a reload")));

        Assert.Equal(quote.Text, same.Context!.Quote.Text);
        Assert.Null(moved.Context);
        Assert.Contains("no longer in the interviews", moved.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Context_for_a_quote_that_is_gone_says_so()
    {
        var reply = await _router.HandleAsync(new ContextRequest("00000000", 1, 0, 1));
        Assert.Contains("no longer", reply.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void Autocomplete_lists_speakers_matching_what_was_typed()
    {
        Assert.Contains("Joe Russo", SeedLibrary.Instance.SpeakersMatching("rus"));
        Assert.Empty(SeedLibrary.Instance.SpeakersMatching("zzz"));
        Assert.Single(SeedLibrary.Instance.InterviewsMatching("heat"));
    }
}
