using InterviewBot.Core;
using InterviewBot.Core.Model;

namespace InterviewBot.Core.Tests;

public sealed class MarkdownParserTests
{
    private const string Spotlight = """
        ---
        title: "Spotlight on the Widget Group"
        date: 2025-02-03T10:00:00-08:00
        author: "Nina Fox"
        ---

        The widget group builds widgets. We sat down with **[Karl Kraus](https://example.org/kk)** and Paula Orr.

        ## Getting started

        **Nina Fox: How did you get involved with [widgets](https://example.org)?**

        **Karl Kraus:** I started in 2019. It was _hard_ at first.

        Then it got easier.

        **Paula Orr:** I joined later, in 2021.

        ## The work

        * **Modeling:** vendors describe their widgets.
        * **Requesting:** users ask for them.

        **NF: What is next?**

        **KK:** More widgets \[01:20\] for everyone. That is the plan.

        ![a photo](photo.png)
        """;

    [Fact]
    public void Front_matter_gives_title_date_and_author()
    {
        var m = Load(Spotlight).Metadata;
        Assert.Equal("Spotlight on the Widget Group", m.Title);
        Assert.Equal("2025-02-03", m.Date);
        Assert.Equal("Nina Fox", m.Author);
    }

    [Fact]
    public void Bold_questions_are_the_interviewers_and_bold_labels_start_answers()
    {
        var turns = Load(Spotlight).Turns;
        var q = turns.Single(t => t.Text == "How did you get involved with widgets?");
        Assert.Equal(SpeakerRole.Interviewer, q.Role);
        Assert.Equal("Nina Fox", q.Speaker);
        var karl = turns[q.Index + 1];
        Assert.Equal(("Karl Kraus", SpeakerRole.Interviewee), (karl.Speaker, karl.Role));
        Assert.Equal("I started in 2019. It was hard at first. Then it got easier.", karl.Text);
        Assert.Equal("Paula Orr", turns[q.Index + 2].Speaker);
    }

    [Fact]
    public void Initials_labels_resolve_to_the_full_names()
    {
        var turns = Load(Spotlight).Turns;
        Assert.Contains(turns, t => t.Speaker == "Nina Fox" && t.Text == "What is next?");
        Assert.Contains(turns, t => t.Speaker == "Karl Kraus" && t.Text.StartsWith("More widgets", StringComparison.Ordinal));
    }

    [Fact]
    public void List_items_with_bold_words_are_not_speakers_and_headings_start_narration()
    {
        var turns = Load(Spotlight).Turns;
        Assert.DoesNotContain(turns, t => t.Speaker is "Modeling" or "Requesting");
        var list = turns.Single(t => t.Text.Contains("vendors describe their widgets", StringComparison.Ordinal));
        Assert.Equal(SpeakerRole.Narrator, list.Role);
        Assert.Equal("Nina Fox", list.Speaker);
    }

    [Fact]
    public void Inline_timestamps_are_lifted_out_of_the_text_and_kept_on_the_next_sentence()
    {
        var turn = Load(Spotlight).Turns.Single(t => t.Speaker == "Karl Kraus" && t.Text.StartsWith("More widgets", StringComparison.Ordinal));
        Assert.Equal("More widgets for everyone.", turn.Sentences[0].Text);
        Assert.Null(turn.Sentences[0].Start);
        Assert.Equal(TimeSpan.FromSeconds(80), turn.Sentences[1].Start);
    }

    [Fact]
    public void Markdown_without_labels_is_read_as_a_plain_question_and_answer_article()
    {
        var turns = Load("Interview with Ann Lee\nWhere did you grow up?\n\nIn Oslo, by the sea.\n\nThat sounds lovely.\n\nIt was cold.\n").Turns;
        Assert.Equal(
            [SpeakerRole.Interviewer, SpeakerRole.Interviewee, SpeakerRole.Interviewer, SpeakerRole.Interviewee],
            turns.Select(t => t.Role).ToArray());
        Assert.Equal("Ann Lee", turns[1].Speaker);
    }

    [Fact]
    public void A_remark_that_addresses_the_interviewee_by_first_name_is_the_interviewers()
    {
        var turns = Load("Interview with Ann Lee\nWhere did you grow up?\n\nIn Oslo, by the sea. It was cold in winter and I loved every part of it, every single day.\n\nOh, I am sure. Wonderful, Ann. It has been a long morning for all of us and we thank you so much again.\n\nThank you.\n").Turns;
        Assert.Equal(
            [SpeakerRole.Interviewer, SpeakerRole.Interviewee, SpeakerRole.Interviewer, SpeakerRole.Interviewee],
            turns.Select(t => t.Role).ToArray());
    }

    private static Interview Load(string text)
    {
        using var dir = new TempDir();
        return CorpusLoader.LoadFile(dir.Write("spotlight.md", text));
    }
}
