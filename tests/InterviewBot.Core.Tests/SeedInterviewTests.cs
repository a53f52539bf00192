using InterviewBot.Core;
using InterviewBot.Core.Model;

namespace InterviewBot.Core.Tests;

public sealed class SeedInterviewTests
{
    private static readonly Interview Seed = CorpusLoader.LoadFile(RepoPaths.SeedTranscript);

    [Fact]
    public void Sidecar_metadata_gives_title_outlet_people_and_date()
    {
        var m = Seed.Metadata;
        Assert.Equal("Joe Russo on how Extraction reaches for the greatness of Heat", m.Title);
        Assert.Equal("Polygon", m.Outlet);
        Assert.Equal("2020-04", m.Date);
        Assert.Equal(["Matt Patches"], m.Interviewers);
        Assert.Equal(["Joe Russo"], m.Interviewees);
    }

    [Theory]
    [InlineData("clock menu more-arrow")]
    [InlineData("Filed under")]
    [InlineData("If you buy something from a Polygon link")]
    [InlineData("Photo: Jasin Boland/Netflix")]
    [InlineData("Image: 20th Century Fox")]
    [InlineData("Sam Hargrave, who has a giant beard")]
    [InlineData("Matt Patches is an executive editor")]
    [InlineData("Vox Media has affiliate partnerships")]
    [InlineData("The next level of puzzles")]
    [InlineData("SpellTower, Typeshift")]
    [InlineData("The Avengers: Endgame director says his Netflix movie reaches")]
    public void Page_furniture_and_captions_never_become_turns(string furniture)
    {
        Assert.DoesNotContain(Seed.Turns, t => t.Text.Contains(furniture, StringComparison.Ordinal));
    }

    [Fact]
    public void The_introduction_is_narrated_by_the_author_not_the_interviewee()
    {
        var intro = Seed.Turns.Single(t => t.Text.Contains("What do you after making the biggest blockbuster", StringComparison.Ordinal));
        Assert.Equal(SpeakerRole.Narrator, intro.Role);
        Assert.Equal("Matt Patches", intro.Speaker);
        Assert.Contains("Here’s what Russo had to say", intro.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Questions_are_the_interviewers_and_the_labelled_first_answer_is_russos_without_its_label()
    {
        var question = Seed.Turns.Single(t => t.Text.StartsWith("You originally wrote Extraction", StringComparison.Ordinal));
        Assert.Equal(SpeakerRole.Interviewer, question.Role);
        var answer = Seed.Turns[question.Index + 1];
        Assert.Equal("Joe Russo", answer.Speaker);
        Assert.Equal(SpeakerRole.Interviewee, answer.Role);
        Assert.StartsWith("Films that my brother and I admire", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_interjection_without_a_question_mark_stays_the_interviewers()
    {
        var interjection = Seed.Turns.Single(t => t.Text == "He might love it.");
        Assert.Equal(SpeakerRole.Interviewer, interjection.Role);
        Assert.Equal(SpeakerRole.Interviewee, Seed.Turns[interjection.Index - 1].Role);
        Assert.Equal("I haven’t asked him.", Seed.Turns[interjection.Index - 1].Text);
        Assert.StartsWith("Wasn’t my first question.", Seed.Turns[interjection.Index + 1].Text, StringComparison.Ordinal);
        Assert.Equal("Joe Russo", Seed.Turns[interjection.Index + 1].Speaker);
    }

    [Fact]
    public void Each_answer_keeps_the_question_it_replies_to_as_context()
    {
        var afterInterjection = Seed.Turns.Single(t => t.Text.StartsWith("Wasn’t my first question.", StringComparison.Ordinal));
        Assert.Contains("Exit West", afterInterjection.Context, StringComparison.Ordinal);
        Assert.Contains("He might love it.", afterInterjection.Context, StringComparison.Ordinal);
        Assert.All(Seed.Turns.Where(t => t.Role == SpeakerRole.Interviewee), t => Assert.NotNull(t.Context));
    }

    [Fact]
    public void Every_answer_sentence_is_verbatim_from_the_file()
    {
        var source = Text.TextNormalizer.CollapseWhitespace(File.ReadAllText(RepoPaths.SeedTranscript));
        foreach (var sentence in Seed.Turns.SelectMany(t => t.Sentences))
        {
            Assert.Contains(sentence.Text, source, StringComparison.Ordinal);
        }
    }
}
