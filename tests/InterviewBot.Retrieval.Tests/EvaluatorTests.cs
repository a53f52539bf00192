using InterviewBot.Retrieval.Evaluation;

namespace InterviewBot.Retrieval.Tests;

public sealed class EvaluatorTests
{
    [Fact]
    public async Task Scores_hits_abstentions_and_speakers_on_a_small_set()
    {
        var items = new List<EvalItem>
        {
            new("a", "Why is Heat still the touchstone for action movies?", ["that’s why it’s still such a touchstone"], true, "Joe Russo"),
            new("b", "Who won the 2022 World Cup?", [], false, null),
            new("c", "What is stunt visualization?", ["this phrase appears nowhere at all"], true, "Joe Russo"),
        };
        var report = await Evaluator.RunAsync(SeedIndex.Retriever, items);
        Assert.Equal(0.5, report.HitAt1);
        Assert.Equal(0.5, report.HitAt3);
        Assert.Equal(1.0, report.AbstainedOnUnanswerable);
        Assert.Equal(1.0, report.SpeakerCorrect);
        Assert.Equal(0, report.NonVerbatim);
        Assert.Contains(report.Misses, m => m.Id == "c");
    }

    [Theory]
    [InlineData("President Obama", "Barack Obama", true)]
    [InlineData("Joe Russo", "Joe Russo", true)]
    [InlineData("Interviewee", "Laura Beaufort", false)]
    [InlineData("Laura", "Laura Beaufort", true)]
    [InlineData("Laura Smith", "Laura Beaufort", false)]
    [InlineData("Michael", "Laura Beaufort", false)]
    public void Speakers_match_by_surname(string speaker, string expected, bool same)
    {
        Assert.Equal(same, Evaluator.SameSpeaker(speaker, expected));
    }

    [Fact]
    public void Evidence_matching_ignores_case_spacing_and_quote_style()
    {
        Assert.True(Evaluator.Contains("It’s  hard to BEAT.", "it's hard to beat"));
        Assert.False(Evaluator.Contains("It is hard", "hard to beat"));
    }

    [Fact]
    public void A_malformed_eval_line_names_its_line_number()
    {
        using var dir = new TempDir();
        var file = dir.Write("e.jsonl", "{\"id\":\"1\",\"question\":\"q\",\"evidence\":[],\"answerable\":false}\n{not json\n");
        var ex = Assert.Throws<FormatException>(() => EvalItem.ReadFile(file));
        Assert.Contains(":2:", ex.Message, StringComparison.Ordinal);
    }
}
