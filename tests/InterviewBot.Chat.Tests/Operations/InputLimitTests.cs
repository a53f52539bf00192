using InterviewBot.Chat.Commands;
using InterviewBot.Chat.Tests.Discord;
using InterviewBot.Chat.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace InterviewBot.Chat.Tests.Operations;

/// <summary>Every text field of a chat request has a length limit with a clear message, on every platform.</summary>
public sealed class InputLimitTests
{
    private static readonly string LongName = new('x', 150);
    private static readonly string LongZone = "Europe/" + new string('z', 93);

    private readonly ChatRouter _router = new(SeedLibrary.Holder(), new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero)));

    public static TheoryData<ChatRequest, string> TooLong => new()
    {
        { new AskRequest("Why Heat?", new string('x', 150)), "That speaker name is 150 characters long; please keep it to 100 or fewer." },
        { new QuoteRequest(Speaker: new string('x', 150)), "That speaker name is 150 characters long" },
        { new QuoteRequest(InterviewId: new string('i', 201)), "That interview is 201 characters long; please keep it to 200 or fewer." },
        { new QuoteRequest(Search: new string('s', 1001)), "That search is 1001 characters long; please keep it to 1000 or fewer." },
        { new QotdRequest(QotdAction.Subscribe) { TimeZone = "Europe/" + new string('z', 93) }, "That time zone is 100 characters long; please keep it to 64 or fewer (use an IANA time zone such as Europe/London)." },
        { new QotdRequest(QotdAction.Subscribe) { Time = "08:30:00:00" }, "That time is 11 characters long; please keep it to 8 or fewer (use HH:mm, for example 08:30)." },
        { new QotdRequest(QotdAction.Subscribe) { Speaker = new string('x', 101) }, "That speaker name is 101 characters long" },
        { new QotdRequest(QotdAction.Subscribe) { Interview = new string('i', 201) }, "That interview is 201 characters long" },
    };

    [Theory]
    [MemberData(nameof(TooLong))]
    public async Task An_over_long_field_gets_a_private_message_naming_it_and_its_limit(ChatRequest request, string message)
    {
        var reply = await _router.HandleAsync(request);
        Assert.StartsWith(message, reply.Notice, StringComparison.Ordinal);
        Assert.True(reply.Ephemeral);
        Assert.Empty(reply.Quotes);
    }

    [Fact]
    public async Task Fields_at_their_limits_are_accepted()
    {
        var reply = await _router.HandleAsync(new QuoteRequest(Speaker: "Joe Russo", Search: new string('s', 1000)));
        Assert.DoesNotContain("characters long", reply.Notice ?? "", StringComparison.Ordinal);
        reply = await _router.HandleAsync(new AskRequest("Why Heat?", new string('x', 100)));
        Assert.StartsWith("No one called", reply.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discord_options_over_their_limits_are_answered_with_the_limit()
    {
        await using var host = await OpsHost.StartAsync();
        var speaker = await host.InteractAsync(Interactions.Command("quote", ("speaker", LongName)));
        Assert.StartsWith("That speaker name is 150 characters long", speaker["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var search = await host.InteractAsync(Interactions.Command("quote", ("search", new string('s', 1200))));
        Assert.StartsWith("That search is 1200 characters long", search["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var zone = await host.InteractAsync(Interactions.Subcommand("qotd", "subscribe", "32", ("timezone", LongZone)));
        Assert.StartsWith("That time zone is 100 characters long", zone["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slack_text_fields_over_their_limits_are_answered_with_the_limit()
    {
        await using var host = await OpsHost.StartAsync();
        Assert.Contains("That speaker name is 150 characters long", await host.SlashAsync("/ask", $"speaker:{LongName} why Heat?"), StringComparison.Ordinal);
        Assert.Contains("That time zone is 100 characters long", await host.SlashAsync("/qotd", $"subscribe 08:30 {LongZone}"), StringComparison.Ordinal);
        Assert.Contains("That interview is 201 characters long", await host.SlashAsync("/quote", $"interview:{new string('i', 201)}"), StringComparison.Ordinal);
    }
}
