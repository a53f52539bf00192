using InterviewBot.Core.Text;

namespace InterviewBot.Core.Tests;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("He met Mr. Grove at 7 a.m. today. Then he left.", new[] { "He met Mr. Grove at 7 a.m. today.", "Then he left." })]
    [InlineData("Films that I admire ... we love them. Yes!", new[] { "Films that I admire ... we love them.", "Yes!" })]
    [InlineData("He said, “Stop.” She did. Is that all?", new[] { "He said, “Stop.”", "She did.", "Is that all?" })]
    [InlineData("The U.S. team won 3.5 points. John F. Kennedy said so.", new[] { "The U.S. team won 3.5 points.", "John F. Kennedy said so." })]
    [InlineData("no ending punctuation here", new[] { "no ending punctuation here" })]
    public void Splits_at_sentence_ends_but_not_at_abbreviations_initials_or_inner_ellipses(string text, string[] expected)
    {
        Assert.Equal(expected, SentenceSplitter.SplitToStrings(text).ToArray());
    }

    [Fact]
    public void Spans_are_contiguous_slices_of_the_input()
    {
        const string text = "One. Two? Three!";
        var spans = SentenceSplitter.Split(text);
        Assert.Equal([(0, 4), (5, 4), (10, 6)], spans.ToArray());
    }
}
