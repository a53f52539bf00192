using InterviewBot.Chat.Tests.Fakes;
using static InterviewBot.Chat.Tests.Slack.SlackPayloads;

namespace InterviewBot.Chat.Tests.Slack;

/// <summary>A transcript whose answer quotes Slack markup: it must reach Slack as text that pings no one.</summary>
public sealed class SlackEscapingEndToEndTests
{
    private const string Transcript = """
        Jane Roe: What exactly did you post in the team channel that morning?

        Sam Stone: In the team channel I posted <!channel> & <@U123ABC> and wrote that 3 < 4 > 2.
        """;

    private const string Metadata = """
        id: markup-test
        title: Tom & Jerry <live> | talk
        outlet: Test & Co
        date: 2021-05
        url: https://example.com/a?x=1&y=2
        interviewer: Jane Roe
        interviewee: Sam Stone
        """;

    [Fact]
    public async Task A_quote_containing_channel_mentions_and_ampersands_arrives_escaped_and_cannot_ping()
    {
        using var corpus = new TempDir();
        corpus.Write("markup.txt", Transcript);
        corpus.Write("markup.yaml", Metadata);
        await using var fake = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(fake, corpus.Path);

        await host.PostFormAsync("/slack/commands", Slash("/ask", "What did Sam post in the team channel?", fake.ResponseUrl("markup")));
        var answer = await fake.Recorder.WaitForAsync("response_url", c => c.Target == "markup");

        var text = answer.AllText;
        Assert.Contains("&lt;!channel&gt; &amp; &lt;@U123ABC&gt;", text, StringComparison.Ordinal);
        Assert.Contains("3 &lt; 4 &gt; 2", text, StringComparison.Ordinal);
        Assert.Contains("<https://example.com/a?x=1&amp;y=2|Tom &amp; Jerry &lt;live&gt; | talk>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<@", text, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;amp;", text, StringComparison.Ordinal);
    }
}
