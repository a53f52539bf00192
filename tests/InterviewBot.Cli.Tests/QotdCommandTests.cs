namespace InterviewBot.Cli.Tests;

/// <summary><c>qotd subscriptions</c> and <c>qotd --channel</c> against the store the configuration names (a temporary
/// directory here: see TestEnvironment). Each test uses its own channels.</summary>
public sealed class QotdCommandTests
{
    [Fact]
    public async Task Subscriptions_are_added_listed_and_switched_off()
    {
        var add = await Cli.RunAsync("qotd", "subscriptions", "add", "discord:7001", "--time", "8:05", "--timezone", "Europe/London");
        Assert.Equal(0, add.ExitCode);
        Assert.Contains("discord:7001: quote of the day at 08:05 Europe/London; next ", add.Out, StringComparison.Ordinal);

        var list = await Cli.RunAsync("qotd", "subscriptions");
        Assert.Contains("discord:7001  on   08:05 Europe/London  (cli)  next ", list.Out, StringComparison.Ordinal);

        // Changing only the speaker keeps the time and zone.
        var change = await Cli.RunAsync("qotd", "subscriptions", "add", "discord:7001", "--speaker", "Joe Russo");
        Assert.Contains("discord:7001: quote of the day at 08:05 Europe/London, quotes by Joe Russo; next ", change.Out, StringComparison.Ordinal);

        Assert.Equal(0, (await Cli.RunAsync("qotd", "subscriptions", "remove", "discord:7001")).ExitCode);
        Assert.Contains("discord:7001  off  08:05 Europe/London, quotes by Joe Russo  (cli)", (await Cli.RunAsync("qotd", "subscriptions")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_preview_is_the_same_every_time_and_names_its_date()
    {
        await Cli.RunAsync("qotd", "subscriptions", "add", "slack:C7002");
        var a = await Cli.RunAsync("qotd", "--channel", "slack:C7002", "--date", "2031-02-03");
        var b = await Cli.RunAsync("qotd", "--channel", "slack:C7002", "--date", "2031-02-03");

        Assert.Equal(0, a.ExitCode);
        Assert.StartsWith("Quote of the day, 2031-02-03:", a.Out, StringComparison.Ordinal);
        Assert.Contains("Joe Russo", a.Out, StringComparison.Ordinal);
        Assert.Equal(a.Out, b.Out);
    }

    [Theory]
    [InlineData(new[] { "qotd", "subscriptions", "add", "7003" }, "channel must be platform:id")]
    [InlineData(new[] { "qotd", "subscriptions", "add", "teams:7003" }, "channel must be platform:id")]
    [InlineData(new[] { "qotd", "subscriptions", "add", "discord:7003", "--time", "25:00" }, "time must be HH:mm")]
    [InlineData(new[] { "qotd", "subscriptions", "add", "discord:7003", "--timezone", "Mars/Base" }, "time zone must be an IANA name")]
    [InlineData(new[] { "qotd", "subscriptions", "remove", "discord:7004" }, "discord:7004 has no subscription")]
    [InlineData(new[] { "qotd", "subscriptions", "add", "discord:7006", "--speaker", "Nobody Atall" }, "no quote in the corpus matches")]
    [InlineData(new[] { "qotd", "--channel", "discord:7005" }, "discord:7005 has no quote-of-the-day subscription")]
    public async Task Bad_input_gets_one_clear_error(string[] args, string expected)
    {
        var r = await Cli.RunAsync(args);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains(expected, r.Err, StringComparison.Ordinal);
    }
}
