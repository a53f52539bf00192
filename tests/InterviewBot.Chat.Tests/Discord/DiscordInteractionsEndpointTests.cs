using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using InterviewBot.Chat.Discord;

namespace InterviewBot.Chat.Tests.Discord;

/// <summary>The interactions endpoint of the real host, end to end, with a fake Discord REST server behind it.</summary>
public sealed class DiscordInteractionsEndpointTests : IAsyncLifetime
{
    private const string HeatQuestion = "Why is Heat still the touchstone for action movies?";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private DiscordTestHost _host = null!;

    public async Task InitializeAsync() => _host = await DiscordTestHost.StartAsync(gateway: false);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_ping_is_answered_with_a_pong() =>
        Assert.Equal(1, (await _host.InteractAsync(new JsonObject { ["type"] = 1, ["id"] = "1", ["token"] = "t" }))["type"]!.GetValue<int>());

    [Fact]
    public async Task Missing_or_wrong_signatures_get_401_before_the_body_is_read()
    {
        using var unsigned = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent("{\"type\":1}", Encoding.UTF8, "application/json") };
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Http.SendAsync(unsigned)).StatusCode);

        var stamp = "1700000000";
        var tampered = DiscordTestHost.Sign(stamp, Encoding.UTF8.GetBytes("{\"type\":1}"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.PostInteractionAsync("{\"type\":2}", tampered, stamp)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.PostInteractionAsync("{\"type\":1}", tampered, "1700000001")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.PostInteractionAsync("not json", "zz" + tampered[2..], stamp)).StatusCode);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_json_gets_400() =>
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.PostInteractionAsync("{not json")).StatusCode);

    [Fact]
    public async Task An_oversized_body_is_refused()
    {
        var huge = "{\"type\":1,\"pad\":\"" + new string('x', 300 * 1024) + "\"}";
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await _host.PostInteractionAsync(huge)).StatusCode);
    }

    [Fact]
    public async Task Ask_answers_inline_with_quote_embeds_buttons_and_no_pings()
    {
        var response = await _host.InteractAsync(Interactions.Command("ask", ("question", HeatQuestion)));
        Assert.Equal(4, response["type"]!.GetValue<int>());
        var data = response["data"]!;
        Assert.Equal("{\"parse\":[]}", data["allowed_mentions"]!.ToJsonString());
        var embeds = data["embeds"]!.AsArray();
        Assert.InRange(embeds.Count, 1, 3);
        Assert.Contains(embeds, e => e!["description"]!.GetValue<string>().Contains("touchstone", StringComparison.Ordinal));
        Assert.All(embeds, e => Assert.Equal("Joe Russo", e!["author"]!["name"]!.GetValue<string>()));
        Assert.All(embeds, e => Assert.StartsWith("Polygon · April 2020", e!["footer"]!["text"]!.GetValue<string>(), StringComparison.Ordinal));
        var labels = data["components"]![0]!["components"]!.AsArray().Select(b => b!["label"]!.GetValue<string>()).ToList();
        Assert.Equal("More quotes", labels[0]);
        Assert.Contains("Context 1", labels);
        Assert.Null(data["flags"]);
    }

    [Fact]
    public async Task More_quotes_edits_the_message_in_place_with_the_next_page()
    {
        var first = (await _host.InteractAsync(Interactions.Command("ask", ("question", HeatQuestion))))["data"]!.AsObject();
        var more = first["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>();
        var next = await _host.InteractAsync(Interactions.Button(more, first));
        Assert.Equal(7, next["type"]!.GetValue<int>());
        var firstTexts = first["embeds"]!.AsArray().Select(e => e!["description"]!.GetValue<string>());
        var nextTexts = next["data"]!["embeds"]!.AsArray().Select(e => e!["description"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(nextTexts);
        Assert.Empty(firstTexts.Intersect(nextTexts));
        Assert.Equal(first["content"]!.GetValue<string>(), next["data"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Context_answers_privately_with_the_interviewers_question()
    {
        var first = (await _host.InteractAsync(Interactions.Command("ask", ("question", HeatQuestion))))["data"]!.AsObject();
        var context = first["components"]![0]!["components"]!.AsArray().First(b => b!["label"]!.GetValue<string>() == "Context 1")!["custom_id"]!.GetValue<string>();
        var reply = await _host.InteractAsync(Interactions.Button(context, first));
        Assert.Equal(4, reply["type"]!.GetValue<int>());
        Assert.Equal(DiscordRenderer.EphemeralFlag, reply["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("> ", reply["data"]!["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Autocomplete_offers_the_speakers_matching_what_was_typed()
    {
        var reply = await _host.InteractAsync(Interactions.Autocomplete("ask", "speaker", "rus"));
        Assert.Equal(8, reply["type"]!.GetValue<int>());
        var choice = Assert.Single(reply["data"]!["choices"]!.AsArray());
        Assert.Equal("Joe Russo", choice!["value"]!.GetValue<string>());
        var interviews = await _host.InteractAsync(Interactions.Autocomplete("quote", "interview", "heat"));
        Assert.Equal("russo-extraction-heat-2020", Assert.Single(interviews["data"]!["choices"]!.AsArray())!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_question_the_interviews_cannot_answer_gets_a_short_private_reply()
    {
        var reply = await _host.InteractAsync(Interactions.Command("ask", ("question", "What does he think of Oppenheimer?")));
        Assert.Equal(DiscordRenderer.EphemeralFlag, reply["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("Oppenheimer", reply["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(reply["data"]!["embeds"]);
    }

    [Fact]
    public async Task Qotd_answers_with_todays_quote()
    {
        var reply = await _host.InteractAsync(Interactions.Command("qotd"));
        Assert.StartsWith("**Quote of the day", reply["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(reply["data"]!["embeds"]!.AsArray());
    }

    [Fact]
    public async Task A_slow_answer_is_deferred_and_then_the_original_reply_is_edited()
    {
        await using var slow = await DiscordTestHost.StartAsync(new() { ["Discord:DeferAfter"] = "00:00:00" }, gateway: false);
        var interaction = Interactions.Command("ask", ("question", HeatQuestion));
        var response = await slow.InteractAsync(interaction);
        Assert.Equal(5, response["type"]!.GetValue<int>());
        var token = interaction["token"]!.GetValue<string>();
        var edit = await slow.Rest.WaitForAsync(r => r.Method == "PATCH" && r.Path == $"webhooks/{slow.Rest.ApplicationId}/{token}/messages/@original", Wait);
        Assert.Null(edit.Header("Authorization"));
        Assert.Contains("touchstone", edit.Body, StringComparison.Ordinal);
        Assert.Equal("{\"parse\":[]}", edit.Json!["allowed_mentions"]!.ToJsonString());
    }
}
