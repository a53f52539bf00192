using InterviewBot.Chat.Discord;
using InterviewBot.Chat.Tests.Fakes;

namespace InterviewBot.Chat.Tests.Discord;

public sealed class DiscordRegistrationTests
{
    [Fact]
    public async Task Registering_in_a_guild_twice_leaves_exactly_the_three_commands()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        var options = new DiscordOptions { BotToken = discord.BotToken, ApplicationId = discord.ApplicationId, ApiBaseUrl = discord.BaseUrl };
        using var http = new HttpClient();
        Assert.Equal(["ask", "quote", "qotd"], await DiscordRegistration.RegisterAsync(options, "42", http, CancellationToken.None));
        var first = Stored(discord.Commands("42"));
        await DiscordRegistration.RegisterAsync(options, "42", http, CancellationToken.None);
        Assert.Equal(first, Stored(discord.Commands("42")));
        Assert.Empty(discord.Commands());
        Assert.Contains(discord.Requests, r => r.Method == "PUT" && r.Path == $"applications/{discord.ApplicationId}/guilds/42/commands");
    }

    /// <summary>What a command is, without the version stamp Discord gives each write.</summary>
    private static string Stored(System.Text.Json.Nodes.JsonArray commands)
    {
        foreach (var c in commands)
        {
            c!.AsObject().Remove("version");
        }

        return commands.ToJsonString();
    }

    [Fact]
    public async Task Registering_without_a_guild_is_global()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        var options = new DiscordOptions { BotToken = discord.BotToken, ApplicationId = discord.ApplicationId, ApiBaseUrl = discord.BaseUrl };
        using var http = new HttpClient();
        await DiscordRegistration.RegisterAsync(options, null, http, CancellationToken.None);
        Assert.Equal(3, discord.Commands().Count);
    }

    [Fact]
    public void Command_definitions_follow_discords_rules()
    {
        foreach (var command in DiscordCommands.Definitions())
        {
            AssertFollowsRules(command!.AsObject());
        }
    }

    /// <summary>Names, descriptions and option order, down through subcommands.</summary>
    private static void AssertFollowsRules(System.Text.Json.Nodes.JsonObject command)
    {
        Assert.Matches("^[-_a-z0-9]{1,32}$", command["name"]!.GetValue<string>());
        Assert.InRange(command["description"]!.GetValue<string>().Length, 1, 100);
        var options = command["options"]?.AsArray() ?? [];
        Assert.InRange(options.Count, 0, 25);
        var required = options.Select(o => o!["required"]?.GetValue<bool>() ?? false).ToList();
        Assert.Equal(required.OrderByDescending(r => r), required);
        var subcommands = options.Count(o => o!["type"]!.GetValue<int>() == 1);
        Assert.True(subcommands == 0 || subcommands == options.Count, "subcommands cannot sit beside plain options");
        foreach (var option in options)
        {
            AssertFollowsRules(option!.AsObject());
        }
    }

    [Theory]
    [InlineData(null, "1", "Discord:BotToken")]
    [InlineData("t", null, "Discord:ApplicationId")]
    public async Task Missing_credentials_are_named(string? token, string? app, string named)
    {
        using var http = new HttpClient();
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            DiscordRegistration.RegisterAsync(new DiscordOptions { BotToken = token, ApplicationId = app }, null, http, CancellationToken.None));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
