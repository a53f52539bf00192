using InterviewBot.Chat.Commands;
using InterviewBot.Chat.Slack;

namespace InterviewBot.Chat.Tests.Slack;

public sealed class SlackCommandsTests
{
    [Fact]
    public void Ask_takes_everything_after_the_command_as_the_question() =>
        Assert.Equal(new AskRequest("Why is Heat still the touchstone?"), SlackCommands.ToRequest("/ask", "  Why is Heat still the touchstone? "));

    [Fact]
    public void Ask_reads_a_speaker_filter() =>
        Assert.Equal(new AskRequest("the bank heist", "Joe Russo"), SlackCommands.ToRequest("/ask", "speaker:\"Joe Russo\" the bank heist"));

    [Fact]
    public void Quote_help_explains_the_syntax() =>
        Assert.Equal(SlackCommands.QuoteHelp, Assert.IsType<HelpRequest>(SlackCommands.ToRequest("/quote", "help")).Text);

    [Theory]
    [InlineData("speaker:\"Joe Russo\" some text", "Joe Russo", null, "some text")]
    [InlineData("speaker:“Joe Russo” some text", "Joe Russo", null, "some text")]
    [InlineData("speaker:Russo", "Russo", null, null)]
    [InlineData("some text speaker:Russo", "Russo", null, "some text")]
    [InlineData("interview:heat speaker:Russo the heist", "Russo", "heat", "the heist")]
    [InlineData("", null, null, null)]
    [InlineData("bank &amp; heist", null, null, "bank & heist")]
    public void Quote_reads_speaker_and_interview_filters_and_search_words(string text, string? speaker, string? interview, string? search) =>
        Assert.Equal(new QuoteRequest(speaker, interview, search), SlackCommands.ToRequest("/quote", text));

    [Theory]
    [InlineData("", QotdAction.Show)]
    [InlineData("today", QotdAction.Show)]
    [InlineData("unsubscribe", QotdAction.Unsubscribe)]
    [InlineData("Skip", QotdAction.Skip)]
    [InlineData("status", QotdAction.Status)]
    [InlineData("whatever", QotdAction.Help)]
    public void Qotd_reads_its_action(string text, QotdAction action) =>
        Assert.Equal(action, Assert.IsType<QotdRequest>(SlackCommands.ToRequest("/qotd", text)).Action);

    [Theory]
    [InlineData("subscribe", null, null, null)]
    [InlineData("subscribe 08:30 Europe/London", "08:30", "Europe/London", null)]
    [InlineData("subscribe Europe/London speaker:\"Joe Russo\" 8:30", "8:30", "Europe/London", "Joe Russo")]
    [InlineData("subscribe time:17:00 timezone:America/New_York", "17:00", "America/New_York", null)]
    [InlineData("subscribe UTC", null, "UTC", null)]
    public void Qotd_subscribe_reads_time_zone_and_filters_in_any_order(string text, string? time, string? zone, string? speaker)
    {
        var request = Assert.IsType<QotdRequest>(SlackCommands.ToRequest("/qotd", text));
        Assert.Equal((QotdAction.Subscribe, time, zone, speaker), (request.Action, request.Time, request.TimeZone, request.Speaker));
    }

    [Fact]
    public void Qotd_subscribe_with_an_unknown_key_explains_the_syntax() =>
        Assert.Contains("I don't understand “colour:blue”", Assert.IsType<HelpRequest>(SlackCommands.ToRequest("/qotd", "subscribe colour:blue")).Text, StringComparison.Ordinal);

    [Fact]
    public void An_unknown_command_gets_help() =>
        Assert.Contains("/ask", Assert.IsType<HelpRequest>(SlackCommands.ToRequest("/other", "x")).Text, StringComparison.Ordinal);

    [Fact]
    public void A_mention_drops_the_bots_mention_and_reads_slack_markup_as_plain_text() =>
        Assert.Equal(new AskRequest("what about <Heat> & see #general and Polygon?"),
            SlackCommands.FromMessage("<@UBOT> what about &lt;Heat&gt; &amp; see <#C1|general> and <https://polygon.com|Polygon>? <!here>"));

    [Fact]
    public void A_bare_mention_is_an_empty_question_which_the_router_answers_with_a_hint() =>
        Assert.Equal(new AskRequest(""), SlackCommands.FromMessage("<@UBOT>"));
}
