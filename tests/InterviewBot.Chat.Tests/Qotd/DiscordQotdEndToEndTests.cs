using System.Globalization;
using System.Text.Json.Nodes;
using InterviewBot.Chat.Qotd;
using InterviewBot.Chat.Tests.Discord;
using InterviewBot.Store;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewBot.Chat.Tests.Qotd;

/// <summary>The real host: <c>/qotd subscribe</c> over the interactions endpoint, then the scheduler posting through the
/// REST client to the fake Discord.</summary>
public sealed class DiscordQotdEndToEndTests
{
    private const string ManageGuild = "32", SendMessagesOnly = "2048";

    [Fact]
    public async Task A_manager_subscribes_and_the_channel_gets_its_quote_through_the_rest_api()
    {
        using var data = new TempDir();
        await using var host = await DiscordTestHost.StartAsync(Settings(data), gateway: false);
        var now = DateTimeOffset.UtcNow;
        var due = now.ToString("HH:mm", CultureInfo.InvariantCulture); // already due: posts at once

        var reply = await host.InteractAsync(Interactions.Subcommand("qotd", "subscribe", ManageGuild, ("time", due)));

        var confirmation = InterviewBot.Chat.Discord.DiscordText.Unescape(reply["data"]!["content"]!.GetValue<string>());
        Assert.True(confirmation.Contains($"at {due} UTC", StringComparison.Ordinal), confirmation);
        Assert.True(confirmation.Contains("Today's posts now", StringComparison.Ordinal), confirmation);
        var post = await host.Rest.WaitForAsync(r => r.Method == "POST" && r.Path == "channels/400/messages", TimeSpan.FromSeconds(20));
        var message = post.Json!.AsObject();
        Assert.Equal($"**{QotdPlanner.Heading(DateOnly.FromDateTime(now.UtcDateTime))}**", message["content"]!.GetValue<string>());
        Assert.Equal("Joe Russo", message["embeds"]![0]!["author"]!["name"]!.GetValue<string>());
        Assert.Empty(message["allowed_mentions"]!["parse"]!.AsArray());

        var store = host.App.Services.GetRequiredService<IQotdStore>();
        var record = await WaitForAsync(() => store.FindPostAsync(new ChannelRef("discord", "400"), DateOnly.FromDateTime(now.UtcDateTime), default), r => r?.Status == PostStatus.Posted);
        Assert.NotNull(record!.MessageId);
    }

    [Fact]
    public async Task A_member_without_manage_server_is_refused_privately()
    {
        using var data = new TempDir();
        await using var host = await DiscordTestHost.StartAsync(Settings(data), gateway: false);

        var reply = await host.InteractAsync(Interactions.Subcommand("qotd", "subscribe", SendMessagesOnly));

        Assert.Contains("manage this server", reply["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(64, reply["data"]!["flags"]!.GetValue<int>());
        Assert.Empty(await host.App.Services.GetRequiredService<IQotdStore>().SubscriptionsAsync(default));
    }

    [Fact]
    public async Task Today_shows_the_quote_of_the_day_to_anyone()
    {
        using var data = new TempDir();
        await using var host = await DiscordTestHost.StartAsync(Settings(data), gateway: false);

        var reply = await host.InteractAsync(Interactions.Subcommand("qotd", "today", "0"));

        Assert.StartsWith("**Quote of the day, ", reply["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(reply["data"]!["embeds"]!.AsArray());
    }

    private static Dictionary<string, string?> Settings(TempDir data) => new()
    {
        ["Store:DataDirectory"] = data.Path,
        ["Qotd:PollInterval"] = "00:00:00.200",
    };

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var i = 0; i < 200; i++)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(50);
        }

        return await read();
    }
}
