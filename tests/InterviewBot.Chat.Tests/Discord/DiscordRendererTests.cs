using System.Text.Json.Nodes;
using InterviewBot.Chat.Commands;
using InterviewBot.Chat.Discord;
using InterviewBot.Core.Model;
using InterviewBot.Retrieval.Quotes;

namespace InterviewBot.Chat.Tests.Discord;

public sealed class DiscordRendererTests
{
    private static Quote Quote(string text, string title = "An interview", string? url = "https://example.com/a", TimeSpan? at = null) =>
        new(text, "Joe Russo", SpeakerRole.Interviewee, new InterviewRef("seed", title, "Polygon", "2020-04", url), at, 1, null, new QuoteLocation("seed", 4, 0, 2));

    [Fact]
    public void Every_message_suppresses_all_mentions()
    {
        var message = DiscordRenderer.Render(new ChatReply { Quotes = [Quote("Hello @everyone and <@123>.")] });
        Assert.Equal("{\"parse\":[]}", message["allowed_mentions"]!.ToJsonString());
        Assert.Equal("{\"parse\":[]}", DiscordRenderer.Render(ChatReply.Note("nothing")) ["allowed_mentions"]!.ToJsonString());
    }

    [Fact]
    public void A_quote_with_everyone_and_markdown_is_escaped_but_reads_the_same()
    {
        const string text = "It was *huge* for @everyone — __really__ `big` ~~no~~ <@&42> [link](http://x) # yes";
        var description = DiscordRenderer.Render(new ChatReply { Quotes = [Quote(text)] })["embeds"]![0]!["description"]!.GetValue<string>();
        Assert.DoesNotContain("@everyone", description, StringComparison.Ordinal);
        Assert.DoesNotContain("*huge*", description, StringComparison.Ordinal);
        Assert.Contains("\\*huge\\*", description, StringComparison.Ordinal);
        Assert.Contains("\\<@&42\\>", description, StringComparison.Ordinal);
        Assert.Equal($"“{text}”", DiscordText.Unescape(description));
    }

    [Fact]
    public void Each_quote_is_an_embed_with_speaker_title_link_and_footer()
    {
        var embed = DiscordRenderer.Render(new ChatReply { Quotes = [Quote("Heat is the touchstone.", at: TimeSpan.FromSeconds(83))] })["embeds"]![0]!;
        Assert.Equal("Joe Russo", embed["author"]!["name"]!.GetValue<string>());
        Assert.Equal("An interview", embed["title"]!.GetValue<string>());
        Assert.Equal("https://example.com/a", embed["url"]!.GetValue<string>());
        Assert.Equal("Polygon · April 2020 · at 1:23", embed["footer"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void An_interview_without_an_http_link_has_no_url() =>
        Assert.Null(DiscordRenderer.Render(new ChatReply { Quotes = [Quote("x.", url: "javascript:alert(1)")] })["embeds"]![0]!["url"]);

    [Fact]
    public void Buttons_carry_more_and_context_state()
    {
        var reply = new ChatReply
        {
            Heading = "why heat?", Asked = new AskRequest("why heat?"), Quotes = [Quote("a."), Quote("b.")],
            More = new AskRequest("why heat?", "Joe Russo", 3),
        };
        var message = DiscordRenderer.Render(reply);
        var buttons = message["components"]![0]!["components"]!.AsArray();
        Assert.Equal(["More quotes", "Context 1", "Context 2"], buttons.Select(b => b!["label"]!.GetValue<string>()));
        var more = DiscordCustomId.Parse(buttons[0]!["custom_id"]!.GetValue<string>(), message["content"]!.GetValue<string>());
        Assert.Equal(new AskRequest("why heat?", "Joe Russo", 3), more);
        var context = Assert.IsType<ContextRequest>(DiscordCustomId.Parse(buttons[1]!["custom_id"]!.GetValue<string>(), null));
        Assert.Equal(Chat.Library.QuoteLibrary.CheckOf("a."), context.Check);

        // A button made before the check existed still works, unchecked.
        var old = Assert.IsType<ContextRequest>(DiscordCustomId.Parse("ctx:19b25856:4:0:2", null));
        Assert.Equal(new ContextRequest("19b25856", 4, 0, 2), old);
    }

    [Fact]
    public void The_question_survives_the_round_trip_through_an_escaped_heading()
    {
        const string question = "What did he mean by *that* — [the] `heist` @here?";
        var content = DiscordRenderer.Render(new ChatReply { Heading = question, Asked = new AskRequest(question), Quotes = [Quote("x.")] })["content"]!.GetValue<string>();
        Assert.Equal(question, DiscordRenderer.QuestionOf(content));
    }

    [Fact]
    public void Notices_are_ephemeral_and_plain()
    {
        var message = DiscordRenderer.Render(ChatReply.Note("Nothing found."));
        Assert.Equal(DiscordRenderer.EphemeralFlag, message["flags"]!.GetValue<int>());
        Assert.Equal("Nothing found.", message["content"]!.GetValue<string>());
        Assert.Null(message["embeds"]);
    }

    [Fact]
    public void Over_long_fields_are_cut_with_an_ellipsis_within_Discord_limits()
    {
        var longText = string.Concat(Enumerable.Repeat("All work and no play. ", 300));
        var reply = new ChatReply
        {
            Heading = longText, Asked = new AskRequest(longText),
            Quotes = Enumerable.Range(0, 12).Select(_ => Quote(longText, title: longText)).ToList(),
        };
        var message = DiscordRenderer.Render(reply);
        Assert.True(message["content"]!.GetValue<string>().Length <= DiscordLimits.Content);
        Assert.EndsWith("…", message["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var embeds = message["embeds"]!.AsArray();
        Assert.True(embeds.Count <= DiscordLimits.Embeds);
        var total = embeds.Sum(e => e!["title"]!.GetValue<string>().Length + e["description"]!.GetValue<string>().Length
            + e["author"]!["name"]!.GetValue<string>().Length + e["footer"]!["text"]!.GetValue<string>().Length);
        Assert.True(total <= DiscordLimits.EmbedTotal, $"embed total {total}");
        Assert.All(embeds, e => Assert.True(e!["title"]!.GetValue<string>().Length <= DiscordLimits.Title));
    }

    [Fact]
    public void Context_replies_show_the_question_and_bold_the_quote()
    {
        var context = new QuoteContext(Quote("The quote."), "What about Heat?", "Before it.", "After it.");
        var message = DiscordRenderer.Render(new ChatReply { Context = context, Ephemeral = true });
        var description = message["embeds"]![0]!["description"]!.GetValue<string>();
        Assert.Contains("> What about Heat?", description, StringComparison.Ordinal);
        Assert.Contains("Before it. **The quote.** After it.", description, StringComparison.Ordinal);
        Assert.Equal(DiscordRenderer.EphemeralFlag, message["flags"]!.GetValue<int>());
    }

    [Fact]
    public void Unknown_custom_ids_are_not_ours() =>
        Assert.Null(DiscordCustomId.Parse("something:else", null));

    [Fact]
    public void Custom_ids_fit_in_100_characters() =>
        Assert.True(DiscordCustomId.More(new AskRequest("q", new string('x', 200), 3)).Length <= DiscordCustomId.MaxLength);
}
