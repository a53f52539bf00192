using InterviewBot.Core.Model;
using InterviewBot.Retrieval.Evaluation;
using InterviewBot.Retrieval.Quotes;
using InterviewBot.Core.Text;

namespace InterviewBot.Retrieval.Tests;

public sealed class RetrieverTests
{
    [Fact]
    public async Task The_touchstone_question_is_answered_by_russo_with_the_touchstone_passage_first()
    {
        var answer = await SeedIndex.Retriever.AskAsync(new SearchRequest("Why is Heat still the touchstone for action movies?"));
        Assert.True(answer.Answered);
        var top = answer.Quotes[0];
        Assert.Equal("Joe Russo", top.Speaker);
        Assert.Equal(SpeakerRole.Interviewee, top.Role);
        Assert.Contains("touchstone", top.Text, StringComparison.Ordinal);
        Assert.Equal("Polygon", top.Interview.Outlet);
        Assert.Equal("Joe Russo on how Extraction reaches for the greatness of Heat", top.Interview.Title);
        Assert.Contains("touchstone", top.Context, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Why is Heat still the touchstone for action movies?")]
    [InlineData("What is stunt visualization?")]
    [InlineData("What does Russo think about video games?")]
    [InlineData("Tell me about Chris Hemsworth")]
    public async Task Every_quote_is_verbatim_short_and_distinct(string question)
    {
        var answer = await SeedIndex.Retriever.AskAsync(new SearchRequest(question, Top: 5));
        Assert.NotEmpty(answer.Quotes);
        foreach (var q in answer.Quotes)
        {
            Assert.True(Evaluator.IsVerbatim(SeedIndex.Retriever, q), q.Text);
            Assert.InRange(q.Text.Length, 1, QuoteText.MaxLength + 2);
            Assert.InRange(SentenceSplitter.Split(q.Text).Count, 1, 3);
        }

        var spans = answer.Quotes.Select(q => q.Location).ToList();
        foreach (var a in spans)
        {
            Assert.DoesNotContain(spans, b => !ReferenceEquals(a, b) && a.Turn == b.Turn
                && a.FirstSentence < b.FirstSentence + b.SentenceCount && b.FirstSentence < a.FirstSentence + a.SentenceCount);
        }
    }

    [Theory]
    [InlineData("Who won the 2022 World Cup?")]
    [InlineData("What is the boiling point of mercury in kelvin?")]
    [InlineData("zzzz qqqq")]
    public async Task Questions_the_interview_cannot_answer_get_an_abstention(string question)
    {
        var answer = await SeedIndex.Retriever.AskAsync(new SearchRequest(question));
        Assert.False(answer.Answered);
        Assert.Empty(answer.Quotes);
    }

    [Fact]
    public async Task A_question_naming_something_no_interview_mentions_abstains_and_says_what()
    {
        var answer = await SeedIndex.Retriever.AskAsync(new SearchRequest("What does Russo say about the budget of Oppenheimer?"));
        Assert.False(answer.Answered);
        Assert.Equal("Oppenheimer", answer.Unmatched);
    }

    [Theory]
    [InlineData("What did Russo tell Polygon about Heat?")]
    [InlineData("I loved Heat. Quickly, why is it still the touchstone?")]
    [InlineData("What does Joe Russo say about the bank heist in Heat?")]
    public async Task Names_from_the_text_or_the_metadata_are_known(string question)
    {
        var answer = await SeedIndex.Retriever.AskAsync(new SearchRequest(question));
        Assert.Null(answer.Unmatched);
        Assert.True(answer.Answered);
    }

    [Fact]
    public async Task A_speaker_filter_keeps_only_that_speakers_quotes()
    {
        var russo = await SeedIndex.Retriever.AskAsync(new SearchRequest("Extraction Heat Hemsworth", Top: 5, Speaker: "russo"));
        Assert.All(russo.Quotes, q => Assert.Equal("Joe Russo", q.Speaker));
        var author = await SeedIndex.Retriever.AskAsync(new SearchRequest("Extraction Heat Hemsworth", Top: 5, Speaker: "Matt Patches"));
        Assert.All(author.Quotes, q => Assert.Equal(SpeakerRole.Narrator, q.Role));
    }

    [Fact]
    public async Task Skipping_pages_through_further_quotes_without_repeating()
    {
        var first = await SeedIndex.Retriever.AskAsync(new SearchRequest("Sam Hargrave stunt", Top: 3));
        var second = await SeedIndex.Retriever.AskAsync(new SearchRequest("Sam Hargrave stunt", Top: 3, Skip: 3));
        Assert.NotEmpty(second.Quotes);
        Assert.Empty(first.Quotes.Select(q => q.Text).Intersect(second.Quotes.Select(q => q.Text)));
    }

    [Fact]
    public async Task With_dense_reranking_on_scores_change_but_quotes_stay_verbatim_and_relevant()
    {
        var lexical = await SeedIndex.Retriever.AskAsync(new SearchRequest("What is stunt visualization?"));
        var dense = await new Retriever(SeedIndex.Index, RetrievalOptions.Default.With("DenseWeight=0.5")).AskAsync(new SearchRequest("What is stunt visualization?"));
        Assert.Contains(dense.Quotes, q => q.Text.Contains("stunt-vis", StringComparison.Ordinal));
        Assert.All(dense.Quotes, q => Assert.True(Evaluator.IsVerbatim(SeedIndex.Retriever, q)));
        Assert.NotEqual(lexical.Quotes[0].Score, dense.Quotes[0].Score);
    }

    [Fact]
    public async Task Feedback_from_the_top_passages_changes_scores_and_keeps_quotes_verbatim()
    {
        var request = new SearchRequest("Why did the Russos trust Sam Hargrave to direct?", Top: 5);
        var without = await new Retriever(SeedIndex.Index, RetrievalOptions.Default.With("FeedbackWeight=0")).AskAsync(request);
        var with = await SeedIndex.Retriever.AskAsync(request);
        Assert.NotEqual(without.Quotes.Select(q => q.Score), with.Quotes.Select(q => q.Score));
        Assert.All(with.Quotes, q => Assert.True(Evaluator.IsVerbatim(SeedIndex.Retriever, q)));
        Assert.Contains(with.Quotes, q => q.Text.Contains("Sam", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_ranking_options_are_rejected_by_name()
    {
        var ex = Assert.Throws<ArgumentException>(() => RetrievalOptions.Default.With("Speed=3"));
        Assert.Contains("Speed", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_question_is_rejected(string question)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => SeedIndex.Retriever.AskAsync(new SearchRequest(question)));
    }

    [Fact]
    public async Task A_question_over_the_limit_is_rejected_with_its_length()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => SeedIndex.Retriever.AskAsync(new SearchRequest(new string('a', 1001))));
        Assert.Contains("1001", ex.Message, StringComparison.Ordinal);
    }
}
