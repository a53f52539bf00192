using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InterviewBot.Chat.Commands;
using InterviewBot.Chat.Tests.Support;

namespace InterviewBot.Chat.Tests.Playground;

/// <summary>The playground's JSON API over the seed interview: the same answers as chat, as quote cards.</summary>
public sealed class PlaygroundApiTests : IAsyncLifetime
{
    private const string Question = "Why is Heat still the touchstone for action movies?";
    private const string Title = "Joe Russo on how Extraction reaches for the greatness of Heat";

    private PlaygroundTestHost _host = null!;

    public async Task InitializeAsync() => _host = await PlaygroundTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Ask_returns_Joe_Russo_quote_cards_with_verbatim_text_and_attribution()
    {
        var reply = await _host.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(Question));

        Assert.Equal(Question, (string?)reply["heading"]);
        var cards = reply["quotes"]!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.Equal(ChatRouter.PageSize, cards.Count);
        var source = Normalise(File.ReadAllText(RepoPaths.SeedTranscript));
        foreach (var card in cards)
        {
            Assert.Contains((string)card["text"]!, source, StringComparison.Ordinal);
            Assert.Equal("Joe Russo", (string?)card["speaker"]);
            Assert.Equal("interviewee", (string?)card["role"]);
            Assert.Equal(Title, (string?)card["interview"]!["title"]);
            Assert.Equal("Polygon", (string?)card["interview"]!["outlet"]);
            Assert.Equal("April 2020", (string?)card["interview"]!["date"]);
            Assert.Null(card["interview"]!["url"]);
            Assert.Equal("Polygon · April 2020", (string?)card["footer"]);
        }

        Assert.Contains("touchstone", (string)cards[0]["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_gives_exactly_the_quotes_the_chat_router_gives()
    {
        var reply = await _host.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(Question));
        var chat = await new ChatRouter(SeedLibrary.Holder(), TimeProvider.System).HandleAsync(new AskRequest(Question));

        Assert.Equal(chat.Quotes.Select(q => q.Text), reply["quotes"]!.AsArray().Select(c => (string)c!["text"]!));
        Assert.Equal(chat.Quotes.Select(Attribution.Footer), reply["quotes"]!.AsArray().Select(c => (string)c!["footer"]!));
    }

    [Fact]
    public async Task More_pages_on_with_the_cursor_and_never_repeats_a_quote()
    {
        var first = await _host.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(Question));
        var more = first["more"]!.AsObject();
        Assert.Equal(Question, (string?)more["q"]);
        Assert.Equal(ChatRouter.PageSize, (int)more["skip"]!);

        var second = await _host.GetJsonAsync($"/api/ask?q={Uri.EscapeDataString((string)more["q"]!)}&skip={(int)more["skip"]!}");
        var seen = Texts(first).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(Texts(second));
        Assert.All(Texts(second), t => Assert.DoesNotContain(t, seen));

        var far = await _host.GetJsonAsync($"/api/ask?q={Uri.EscapeDataString(Question)}&skip=300");
        Assert.Equal("There are no more quotes for that question.", (string?)far["notice"]);
    }

    [Fact]
    public async Task Context_shows_the_interviewers_question_and_the_answer_around_the_quote()
    {
        var reply = await _host.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(Question));
        var card = reply["quotes"]![0]!;
        var at = card["context"]!;
        var context = (await _host.GetJsonAsync($"/api/context?key={at["key"]}&turn={at["turn"]}&first={at["first"]}&count={at["count"]}&check={at["check"]}"))["context"]!;
        var stale = await _host.GetJsonAsync($"/api/context?key={at["key"]}&turn={at["turn"]}&first={at["first"]}&count={at["count"]}&check=00000000");

        Assert.Equal((string?)card["text"], (string?)context["quote"]!["text"]);
        Assert.StartsWith("That quote is no longer in the interviews", (string?)stale["notice"], StringComparison.Ordinal);
        Assert.Contains("25 years later, is still the touchstone", (string)context["question"]!, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty((string?)context["before"]) && string.IsNullOrEmpty((string?)context["after"]));
    }

    [Fact]
    public async Task Notices_come_back_alone()
    {
        var unknown = await _host.GetJsonAsync("/api/context?key=00000000&turn=0&first=0&count=1");
        Assert.Equal(["notice"], unknown.Select(p => p.Key));
        Assert.Equal("That quote is no longer in the interviews.", (string?)unknown["notice"]);

        var empty = await _host.GetJsonAsync("/api/ask?q=");
        Assert.Equal(ChatRouter.Invalid(""), (string?)empty["notice"]);

        var nobody = await _host.GetJsonAsync("/api/ask?q=Heat&speaker=Nobody");
        Assert.Equal("No one called “Nobody” speaks in these interviews.", (string?)nobody["notice"]);
    }

    [Fact]
    public async Task Quote_by_speaker_the_quote_of_the_day_and_speakers()
    {
        var quote = await _host.GetJsonAsync("/api/quote?speaker=Russo");
        Assert.Equal("Joe Russo", (string?)Assert.Single(quote["quotes"]!.AsArray())!["speaker"]);

        var search = await _host.GetJsonAsync("/api/quote?speaker=Joe%20Russo&interview=russo-extraction-heat-2020&q=bank%20heist");
        Assert.Contains("heist", (string)Assert.Single(search["quotes"]!.AsArray())!["text"]!, StringComparison.Ordinal);

        var qotd = await _host.GetJsonAsync("/api/qotd");
        Assert.StartsWith("Quote of the day, ", (string)qotd["heading"]!, StringComparison.Ordinal);
        Assert.Single(qotd["quotes"]!.AsArray());

        var speakers = await _host.GetJsonAsync("/api/speakers?prefix=jo");
        Assert.Equal(["Joe Russo"], speakers["speakers"]!.AsArray().Select(s => (string)s!));
    }

    private static IEnumerable<string> Texts(JsonObject reply) => (reply["quotes"]?.AsArray() ?? []).Select(c => (string)c!["text"]!);

    private static string Normalise(string text) => Regex.Replace(text, @"\s+", " ");
}
