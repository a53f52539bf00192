using System.Text.Json;
using InterviewBot.Chat.Commands;
using InterviewBot.Chat.Discord;
using InterviewBot.Store;

namespace InterviewBot.Chat.Tests.Discord;

public sealed class DiscordQotdCommandTests
{
    [Theory]
    [InlineData("8", true)] // Administrator
    [InlineData("32", true)] // Manage Server
    [InlineData("2080", true)] // Manage Server among others
    [InlineData("2048", false)] // Send Messages only
    [InlineData("0", false)]
    public void Only_members_with_manage_server_or_administrator_may_manage(string permissions, bool canManage)
    {
        var request = Read(Interactions.Subcommand("qotd", "subscribe", permissions, ("time", "08:30"), ("timezone", "Europe/London")).ToJsonString());

        Assert.Equal(QotdAction.Subscribe, request.Action);
        Assert.Equal(("08:30", "Europe/London"), (request.Time, request.TimeZone));
        Assert.Equal(new ChannelRef("discord", "400"), request.Channel);
        Assert.Equal("500", request.UserId);
        Assert.Equal(canManage, request.CanManage);
    }

    [Theory]
    [InlineData("today", QotdAction.Show)]
    [InlineData("unsubscribe", QotdAction.Unsubscribe)]
    [InlineData("skip", QotdAction.Skip)]
    [InlineData("status", QotdAction.Status)]
    public void Each_subcommand_is_its_action(string sub, QotdAction action) =>
        Assert.Equal(action, Read(Interactions.Subcommand("qotd", sub, "0").ToJsonString()).Action);

    [Fact]
    public void In_a_dm_there_is_no_channel_to_subscribe_and_no_one_manages()
    {
        var interaction = Interactions.Subcommand("qotd", "subscribe", "8");
        interaction.Remove("guild_id");
        interaction.Remove("member");
        interaction["user"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "501" };

        var request = Read(interaction.ToJsonString());

        Assert.Null(request.Channel);
        Assert.False(request.CanManage);
        Assert.Equal("501", request.UserId);
    }

    [Fact]
    public void Autocomplete_inside_a_subcommand_sees_the_focused_option()
    {
        var interaction = Interactions.Subcommand("qotd", "subscribe", "32", ("speaker", "Ru"));
        interaction["data"]!["options"]![0]!["options"]![0]!["focused"] = true;
        using var doc = JsonDocument.Parse(interaction.ToJsonString());
        Assert.Equal(("speaker", "Ru"), DiscordCommands.Focused(doc.RootElement.GetProperty("data")));
    }

    private static QotdRequest Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        return Assert.IsType<QotdRequest>(DiscordCommands.WithAsker(DiscordCommands.ToRequest(root.GetProperty("data")), root));
    }
}
