using InterviewBot.Core;
using InterviewBot.Core.Model;

namespace InterviewBot.Core.Tests;

public sealed class LabelledParserTests
{
    private const string PressRelease = """
        Cite:
        http://example.gov/interview-president-news

        March 03, 2011
        For Immediate Release

        Interview of the President by Jane Roe of Channel Nine, Evening News

        The White House

        2:00 P.M. EST

        Q\u00A0\u00A0\u00A0 President Smith, thank you for having me.

        THE PRESIDENT:  Thank you, Jane.

        Q\u00A0\u00A0\u00A0 What do you tell your children about the war?

        THE PRESIDENT:  My grandfather served.  He never talked about it.

        (Laughter.)

        And so those memories matter to us.  I met President Lopez last week and we spoke of it.

        MR. DOE:  One more question, Mr. President, from our viewers.  My name is John Doe and I host the late show.  Will you run again?

        THE PRESIDENT:  That is for another day.

        END 2:30 P.M. EST
        """;

    [Fact]
    public void All_caps_labels_and_bare_Q_turns_are_split_into_turns()
    {
        var interview = Load(PressRelease);
        Assert.Equal(
            ["Jane Roe", "President Smith", "Jane Roe", "President Smith", "John Doe", "President Smith"],
            interview.Turns.Select(t => t.Speaker).ToArray());
    }

    [Fact]
    public void Role_titles_and_surnames_resolve_to_the_names_the_text_uses()
    {
        var interview = Load(PressRelease);
        Assert.Contains(interview.Turns, t => t.Speaker == "President Smith" && t.Role == SpeakerRole.Interviewee);
        Assert.Contains(interview.Turns, t => t.Speaker == "John Doe" && t.Role == SpeakerRole.Interviewer);
    }

    [Fact]
    public void Header_lines_give_url_date_title_interviewer_and_outlet()
    {
        var m = Load(PressRelease).Metadata;
        Assert.Equal("http://example.gov/interview-president-news", m.Url);
        Assert.Equal("2011-03-03", m.Date);
        Assert.Equal(["Jane Roe"], m.Interviewers);
        Assert.Equal("Channel Nine", m.Outlet);
        Assert.StartsWith("Interview of the President", m.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Stage_directions_and_end_lines_are_dropped_and_continuations_kept()
    {
        var answer = Load(PressRelease).Turns[3];
        Assert.Equal("My grandfather served. He never talked about it. And so those memories matter to us. I met President Lopez last week and we spoke of it.", answer.Text);
        Assert.DoesNotContain(Load(PressRelease).Turns, t => t.Text.Contains("END", StringComparison.Ordinal) || t.Text.Contains("Laughter", StringComparison.Ordinal));
    }

    [Fact]
    public void An_answer_to_a_short_follow_up_keeps_the_question_it_follows_up_as_context()
    {
        var turns = Load("""
            Q:  When are you going to ratify the treaty, and what are the chances of it passing?

            THE PRESIDENT:  My hope is that we ratify it this year and --

            Q:  Before or after the election?

            THE PRESIDENT:  Before, I hope.

            Q:  Now let us turn to trade, which has been a long and difficult subject for both of our countries?

            THE PRESIDENT:  Trade is growing.
            """).Turns;
        Assert.Equal("When are you going to ratify the treaty, and what are the chances of it passing? Before or after the election?", turns[3].Context);
        Assert.Equal("Now let us turn to trade, which has been a long and difficult subject for both of our countries?", turns[5].Context);
    }

    [Fact]
    public void Sidecar_speaker_map_overrides_inferred_names()
    {
        using var dir = new TempDir();
        var file = dir.Write("release.txt", WithNoBreakSpaces(PressRelease));
        dir.Write("release.yaml", "speakers:\n  THE PRESIDENT: Alice Smith\n  Q: Jane Roe\n");
        var interview = CorpusLoader.LoadFile(file);
        Assert.Contains(interview.Turns, t => t.Speaker == "Alice Smith");
    }

    // Raw string literals keep "\u00A0" as text; the real transcripts have no-break spaces after Q.
    private static string WithNoBreakSpaces(string text) => text.Replace("\\u00A0", "\u00A0", StringComparison.Ordinal);

    private static Interview Load(string text)
    {
        using var dir = new TempDir();
        return CorpusLoader.LoadFile(dir.Write("release.txt", WithNoBreakSpaces(text)));
    }
}
