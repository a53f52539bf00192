using System.Text.Json.Nodes;
using InterviewBot.Chat.Commands;
using InterviewBot.Chat.Slack;
using InterviewBot.Core.Model;
using InterviewBot.Retrieval.Quotes;

namespace InterviewBot.Chat.Tests.Slack;

public sealed class SlackRendererTests
{
    internal static Quote Quote(string text, string title = "An interview", string? url = "https://example.com/a", TimeSpan? at = null) =>
        new(text, "Joe Russo", SpeakerRole.Interviewee, new InterviewRef("seed", title, "Polygon", "2020-04", url), at, 1, null, new QuoteLocation("seed", 4, 0, 2));

    private static IEnumerable<JsonObject> Mrkdwn(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "mrkdwn" => [o],
        JsonObject o => o.SelectMany(p => Mrkdwn(p.Value)),
        JsonArray a => a.SelectMany(Mrkdwn),
        _ => [],
    };

    private static IEnumerable<string> AllText(JsonObject message) =>
        Mrkdwn(message).Select(o => o["text"]!.GetValue<string>()).Append(message["text"]!.GetValue<string>());

    [Fact]
    public void A_quoted_channel_broadcast_and_mentions_are_escaped_so_they_cannot_ping()
    {
        var message = SlackRenderer.Render(new ChatReply { Heading = "<!here> what?", Asked = new AskRequest("<!here> what?"), Quotes = [Quote("Hey <!channel> & <@U123> <#C1> <!subteam^S1> > all")] });
        var section = message["blocks"]![1]!["text"]!["text"]!.GetValue<string>();
        Assert.Equal("> Hey &lt;!channel&gt; &amp; &lt;@U123&gt; &lt;#C1&gt; &lt;!subteam^S1&gt; &gt; all", section);
        Assert.All(AllText(message), t =>
        {
            Assert.DoesNotContain("<!", t, StringComparison.Ordinal);
            Assert.DoesNotContain("<@", t, StringComparison.Ordinal);
            Assert.DoesNotContain("<#", t, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Only_ampersand_and_angle_brackets_are_escaped()
    {
        var text = SlackRenderer.Render(new ChatReply { Quotes = [Quote("Tom & Jerry said \"<b>hi</b>\" — it's *bold* 'quoted' é")] })["blocks"]![0]!["text"]!["text"]!.GetValue<string>();
        Assert.Equal("> Tom &amp; Jerry said \"&lt;b&gt;hi&lt;/b&gt;\" — it's *bold* 'quoted' é", text);
    }

    [Fact]
    public void Plain_at_channel_is_broken_so_no_client_can_turn_it_into_a_broadcast()
    {
        var message = SlackRenderer.Render(new ChatReply { Quotes = [Quote("Tell @channel and @here and @everyone.")] });
        Assert.All(AllText(message), t => Assert.DoesNotMatch("@(channel|here|everyone)", t));
        Assert.Equal("> Tell @channel and @here and @everyone.", SlackText.Unescape(message["blocks"]![0]!["text"]!["text"]!.GetValue<string>()));
    }

    [Fact]
    public void Every_mrkdwn_text_is_verbatim_so_slack_parses_no_mentions_or_links()
    {
        var context = new QuoteContext(Quote("The quote."), "What about Heat?", "Before.", "After.");
        foreach (var reply in new[] { new ChatReply { Heading = "h", Quotes = [Quote("a."), Quote("b.")] }, ChatReply.Note("n"), new ChatReply { Context = context } })
        {
            var texts = Mrkdwn(SlackRenderer.Render(reply)).ToList();
            Assert.NotEmpty(texts);
            Assert.All(texts, t => Assert.True(t["verbatim"]!.GetValue<bool>()));
        }
    }

    [Fact]
    public void Each_quote_has_a_context_line_with_speaker_linked_escaped_title_outlet_date_and_timestamp()
    {
        var message = SlackRenderer.Render(new ChatReply { Quotes = [Quote("Heat.", title: "Tom & Jerry <3 | more", url: "https://example.com/a?x=1&y=2", at: TimeSpan.FromSeconds(83))] });
        var context = message["blocks"]![1]!;
        Assert.Equal("context", context["type"]!.GetValue<string>());
        Assert.Equal("*Joe Russo* · <https://example.com/a?x=1&amp;y=2|Tom &amp; Jerry &lt;3 | more> · Polygon · April 2020 · at 1:23",
            context["elements"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void A_title_without_an_http_link_is_plain_escaped_text()
    {
        var message = SlackRenderer.Render(new ChatReply { Quotes = [Quote("x.", title: "<!channel> title", url: "javascript:alert(1)")] });
        Assert.Equal("*Joe Russo* · &lt;!channel&gt; title · Polygon · April 2020", message["blocks"]![1]!["elements"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Buttons_carry_the_next_ask_and_each_quotes_context()
    {
        var reply = new ChatReply
        {
            Heading = "why heat?", Asked = new AskRequest("why heat?"), Quotes = [Quote("a."), Quote("b.")],
            More = new AskRequest("why “heat”? \\ \"really\"", "Joe Russo", 3),
        };
        var actions = SlackRenderer.Render(reply)["blocks"]!.AsArray().Last()!;
        Assert.Equal("actions", actions["type"]!.GetValue<string>());
        var buttons = actions["elements"]!.AsArray();
        Assert.Equal(["More quotes", "Context 1", "Context 2"], buttons.Select(b => b!["text"]!["text"]!.GetValue<string>()));
        Assert.Equal(["more", "context_1", "context_2"], buttons.Select(b => b!["action_id"]!.GetValue<string>()));
        Assert.Equal(reply.More, SlackButtons.Parse("more", buttons[0]!["value"]!.GetValue<string>()));
        Assert.Equal(new ContextRequest(Library.QuoteLibrary.KeyOf("seed"), 4, 0, 2, Library.QuoteLibrary.CheckOf("b.")), SlackButtons.Parse("context_2", buttons[2]!["value"]!.GetValue<string>()));
    }

    [Fact]
    public void A_question_too_long_for_a_button_value_is_cut_to_fit_2000_characters()
    {
        var question = string.Concat(Enumerable.Repeat("\"Why\" “Heat”? ", 300));
        var value = SlackButtons.More(new AskRequest(question, "Joe Russo", 3));
        Assert.InRange(value.Length, 1900, SlackLimits.ButtonValue);
        var parsed = Assert.IsType<AskRequest>(SlackButtons.Parse("more", value));
        Assert.StartsWith(parsed.Question, question, StringComparison.Ordinal);
        Assert.Equal(3, parsed.Skip);
    }

    [Theory]
    [InlineData("more", "not json")]
    [InlineData("more", "{\"q\":\"x\",\"k\":-1}")]
    [InlineData("context_1", "{\"i\":\"abc\"}")]
    [InlineData("other", "{\"q\":\"x\",\"k\":3}")]
    public void Unknown_actions_and_broken_values_are_not_requests(string actionId, string value) =>
        Assert.Null(SlackButtons.Parse(actionId, value));

    [Fact]
    public void Notices_are_a_single_escaped_section_with_no_buttons()
    {
        var message = SlackRenderer.Render(ChatReply.Note("No quote about <this> & that."));
        Assert.Equal("No quote about &lt;this&gt; &amp; that.", message["text"]!.GetValue<string>());
        Assert.Single(message["blocks"]!.AsArray());
    }

    [Fact]
    public void Context_replies_show_the_question_and_bold_the_quote()
    {
        var message = SlackRenderer.Render(new ChatReply { Context = new QuoteContext(Quote("The quote."), "What about Heat & Co?", "Before it.", "After it."), Ephemeral = true });
        var texts = Mrkdwn(message).Select(t => t["text"]!.GetValue<string>()).ToList();
        Assert.Contains("> _What about Heat &amp; Co?_", texts);
        Assert.Contains("Before it. *The quote.* After it.", texts);
    }

    [Fact]
    public void Over_long_text_is_cut_with_an_ellipsis_within_block_kit_limits()
    {
        var longText = string.Concat(Enumerable.Repeat("All work & no play <3. ", 400));
        var reply = new ChatReply
        {
            Heading = longText, Asked = new AskRequest(longText), More = new AskRequest(longText, null, 3),
            Quotes = Enumerable.Range(0, 40).Select(_ => Quote(longText, title: longText)).ToList(),
        };
        var message = SlackRenderer.Render(reply);
        var blocks = message["blocks"]!.AsArray();
        Assert.True(blocks.Count <= SlackLimits.Blocks, $"{blocks.Count} blocks");
        Assert.Equal("actions", blocks.Last()!["type"]!.GetValue<string>());
        Assert.All(AllText(message), t => Assert.InRange(t.Length, 1, SlackLimits.Text));
        Assert.EndsWith("…", blocks[1]!["text"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(blocks.Last()!["elements"]!.AsArray(), b =>
        {
            Assert.InRange(b!["value"]!.GetValue<string>().Length, 1, SlackLimits.ButtonValue);
            Assert.InRange(b["text"]!["text"]!.GetValue<string>().Length, 1, SlackLimits.ButtonText);
        });
        Assert.True(blocks.Last()!["elements"]!.AsArray().Count <= SlackLimits.ActionElements);
    }

    [Theory]
    [InlineData("abc &amp; def", 8, "abc…")]
    [InlineData("abc &lt; def", 9, "abc &lt;…")]
    [InlineData("see <https://x.y/z|a link> now", 20, "see…")]
    [InlineData("short", 10, "short")]
    public void Fit_never_cuts_inside_an_entity_or_a_link(string text, int max, string expected) =>
        Assert.Equal(expected, SlackText.Fit(text, max));
}
