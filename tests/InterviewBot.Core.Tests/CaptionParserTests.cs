using InterviewBot.Core.Model;
using InterviewBot.Core.Parsing;
using InterviewBot.Core.Text;

namespace InterviewBot.Core.Tests;

public sealed class CaptionParserTests
{
    private static ParsedTranscript Parse(string text) => new CaptionParser().Parse(text, null);

    private static TimeSpan S(double seconds) => TimeSpan.FromMilliseconds((long)Math.Round(seconds * 1000));

    private static Paragraph Only(RawTurn turn) => Assert.Single(turn.Paragraphs);

    /// <summary>The time of the last mark at or before <paramref name="offset"/>.</summary>
    private static TimeSpan TimeAt(Paragraph paragraph, int offset) =>
        paragraph.Marks!.Last(m => m.Offset <= offset).Time;

    [Fact]
    public void Voice_tags_label_the_turns_and_a_voice_change_starts_a_new_turn()
    {
        const string vtt = """
            WEBVTT

            00:00:01.000 --> 00:00:03.000
            <v Ann Lee>Welcome to the show.

            00:00:03.000 --> 00:00:05.000
            <v Ann Lee>How did you start?

            00:00:05.500 --> 00:00:08.000
            <v.loud Bo Chen>I started young.</v>

            00:00:08.000 --> 00:00:09.000
            It was fun.

            00:00:09.000 --> 00:00:10.000
            <v Ann Lee>Really?</v> <v Bo Chen>Yes.</v>
            """;

        var turns = Parse(vtt).Turns;

        Assert.Equal(["Ann Lee", "Bo Chen", "Ann Lee", "Bo Chen"], turns.Select(t => t.Label));
        Assert.All(turns, t => Assert.Null(t.Role));
        Assert.Equal("Welcome to the show. How did you start?", Only(turns[0]).Text);
        Assert.Equal([new TimeMark(0, S(1)), new TimeMark(21, S(3))], Only(turns[0]).Marks!);
        Assert.Equal("I started young. It was fun.", Only(turns[1]).Text);
        Assert.Equal([new TimeMark(0, S(5.5)), new TimeMark(17, S(8))], Only(turns[1]).Marks!);
        Assert.Equal("Really?", Only(turns[2]).Text);
        Assert.Equal("Yes.", Only(turns[3]).Text);
        Assert.Equal([new TimeMark(0, S(9))], Only(turns[3]).Marks!);
    }

    [Fact]
    public void Dash_markers_at_a_cue_start_or_after_a_sentence_end_start_new_turns()
    {
        const string vtt = """
            WEBVTT

            00:00:01.000 --> 00:00:03.000
            So what brought you here today?

            00:00:03.000 --> 00:00:06.000
            - Curiosity, mostly. It is a lot nicer than it was. - Absolutely.

            00:00:06.000 --> 00:00:08.000
            - And the self - doubt? Gone.
            """;

        var turns = Parse(vtt).Turns;

        Assert.Equal(
            ["So what brought you here today?", "Curiosity, mostly. It is a lot nicer than it was.", "Absolutely.", "And the self - doubt? Gone."],
            turns.Select(t => Only(t).Text));
        Assert.Equal([SpeakerRole.Interviewer, SpeakerRole.Interviewee, SpeakerRole.Interviewee, SpeakerRole.Interviewee], turns.Select(t => t.Role));
        Assert.All(turns, t => Assert.Null(t.Label));
        Assert.Equal([new TimeMark(0, S(3))], Only(turns[2]).Marks!);
        Assert.Equal([new TimeMark(0, S(6))], Only(turns[3]).Marks!);
    }

    [Fact]
    public void Srt_cues_are_parsed_with_comma_milliseconds_and_dialogue_dashes_on_each_line()
    {
        const string srt = "1\r\n00:00:01,000 --> 00:00:02,500\r\n<i>Where were you born?</i>\r\n\r\n"
            + "2\r\n00:00:02,500 --> 00:00:05,000\r\n- In Ohio.\r\n- Really?\r\n\r\n"
            + "3\r\n00:01:05,250 --> 00:01:07,000\r\n{\\an8}- Yes, in a small town.\r\n";

        var parsed = Parse(srt);

        Assert.Same(MetadataHints.None, parsed.Hints);
        Assert.Equal(["Where were you born?", "In Ohio.", "Really?", "Yes, in a small town."], parsed.Turns.Select(t => Only(t).Text));
        Assert.Equal([SpeakerRole.Interviewer, SpeakerRole.Interviewee, SpeakerRole.Interviewer, SpeakerRole.Interviewee], parsed.Turns.Select(t => t.Role));
        Assert.Equal([S(1), S(2.5), S(2.5), S(65.25)], parsed.Turns.Select(t => Only(t).Marks![0].Time));
    }

    [Fact]
    public void Cues_are_merged_into_sentences_that_keep_their_start_time()
    {
        const string vtt = """
            WEBVTT

            00:01.000 --> 00:04.000
            I grew up near the river and

            00:04.000 --> 00:06.500
            spent summers fishing. Then I moved

            01:02:03.250 --> 01:02:05.000
            to the city.
            """;

        var paragraph = Only(Assert.Single(Parse(vtt).Turns));
        var sentences = SentenceSplitter.Split(paragraph.Text);

        Assert.Equal("I grew up near the river and spent summers fishing. Then I moved to the city.", paragraph.Text);
        Assert.Equal([new TimeMark(0, S(1)), new TimeMark(29, S(4)), new TimeMark(65, new TimeSpan(0, 1, 2, 3, 250))], paragraph.Marks!);
        Assert.Equal(2, sentences.Count);
        Assert.Equal("Then I moved to the city.", paragraph.Text.Substring(sentences[1].Start, sentences[1].Length));
        Assert.Equal([S(1), S(4)], sentences.Select(s => TimeAt(paragraph, s.Start)));
    }

    [Fact]
    public void Markup_and_character_references_are_stripped_and_the_header_text_becomes_the_title()
    {
        const string vtt = """
            WEBVTT - Episode 12: Cheese

            intro-cue
            00:00:01.000 --> 00:00:04.000 align:start position:10% line:0
            <c.yellow>Tom</c> &amp; <i>Jerry</i> &lt;3 <b>big</b>&nbsp;<u>cheese</u>&lrm; <00:00:02.000><c>fast</c>
            <ruby>漢<rt>kan</rt></ruby> <lang en-GB>colour</lang>&rlm;.
            """;

        var parsed = Parse(vtt);

        Assert.Equal("Episode 12: Cheese", parsed.Hints.Title);
        Assert.Equal("Tom & Jerry <3 big cheese fast 漢 colour.", Only(Assert.Single(parsed.Turns)).Text);
    }

    [Fact]
    public void Repeated_rolling_caption_lines_are_dropped_but_later_repeats_are_kept()
    {
        const string vtt = """
            WEBVTT
            Kind: captions
            Language: en

            00:00:01.000 --> 00:00:03.000
            we started the project

            00:00:03.000 --> 00:00:03.010
            we started the project

            00:00:03.010 --> 00:00:05.000
            we started the project
            in twenty nineteen.

            00:00:05.000 --> 00:00:07.000
            in twenty nineteen.

            00:00:07.000 --> 00:00:08.000
            Really.

            00:00:08.000 --> 00:00:09.000
            Really.

            00:00:09.000 --> 00:00:10.000
            Yes.

            00:00:10.000 --> 00:00:11.000
            Really.
            """;

        var paragraph = Only(Assert.Single(Parse(vtt).Turns));

        Assert.Equal("we started the project in twenty nineteen. Really. Yes. Really.", paragraph.Text);
        Assert.Equal([0, 23, 43, 51, 56], paragraph.Marks!.Select(m => m.Offset));
        Assert.Equal([S(1), S(3.01), S(7), S(9), S(10)], paragraph.Marks!.Select(m => m.Time));
    }

    [Fact]
    public void Note_style_and_region_blocks_are_ignored()
    {
        const string vtt = """
            WEBVTT

            STYLE
            ::cue { color: red; }

            NOTE this is a comment
            spanning two lines

            REGION
            id:fred width:40%

            NOTE

            intro
            00:00:01.000 --> 00:00:02.000 region:fred
            Hello there.
            """;

        var turn = Assert.Single(Parse(vtt).Turns);

        Assert.Equal("Hello there.", Only(turn).Text);
        Assert.Equal([new TimeMark(0, S(1))], Only(turn).Marks!);
        Assert.Equal(SpeakerRole.Interviewee, turn.Role);
    }

    [Fact]
    public void A_long_turn_ending_in_a_question_is_not_taken_for_the_interviewer()
    {
        var words = string.Join(' ', Enumerable.Repeat("word", 45));
        var vtt = $"WEBVTT\n\n00:00:01.000 --> 00:00:09.000\n{words} ok?\n";

        Assert.Equal(SpeakerRole.Interviewee, Assert.Single(Parse(vtt).Turns).Role);
    }

    [Theory]
    [InlineData("", "no caption cues")]
    [InlineData("WEBVTT\n\nNOTE only a note\n", "no caption cues")]
    [InlineData("WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nHi\n", "line 3: malformed cue timing line")]
    [InlineData("WEBVTT\n\n00:00:01.000 --> 00:00:02.00\nHi\n", "line 3: malformed cue timing line")]
    [InlineData("1\n00:00:01,000 -> 00:00:02,000\nHi\n", "line 2: expected a cue timing line")]
    [InlineData("Hello world.\nThis is prose, not captions.\n", "line 1: expected a cue timing line")]
    [InlineData("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nOk.\n\n00:00:05.000 --> 00:00:02.000\nHi\n", "line 6: the cue ends before it starts")]
    [InlineData("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<i></i>\n", "hold no text")]
    public void Malformed_captions_throw_a_format_exception_that_says_where(string text, string expected)
    {
        var error = Assert.Throws<TranscriptFormatException>(() => Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}

public sealed class CaptionSpeakerNameTests
{
    [Fact]
    public void Unlabelled_captions_take_the_guest_and_host_names_from_greetings_and_thanks()
    {
        var parsed = new InterviewBot.Core.Parsing.CaptionParser().Parse("""
            WEBVTT

            00:00:00.000 --> 00:00:02.000
            Hello, Dana.

            00:00:02.000 --> 00:00:04.000
            Dana, welcome to the show.

            00:00:04.000 --> 00:00:06.000
            - Thank you so much, Omar. Happy to be here.

            00:00:06.000 --> 00:00:09.000
            - What do you work on these days?

            00:00:09.000 --> 00:00:12.000
            - I build compilers for a living and I love it.
            """, null);
        Assert.Equal(["Dana"], parsed.Hints.Interviewees);
        Assert.Equal(["Omar"], parsed.Hints.Interviewers);
    }

    [Fact]
    public void Captions_without_greetings_name_nobody()
    {
        var parsed = new InterviewBot.Core.Parsing.CaptionParser().Parse("WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nWe build compilers.\n", null);
        Assert.Empty(parsed.Hints.Interviewees);
        Assert.Empty(parsed.Hints.Interviewers);
    }
}

