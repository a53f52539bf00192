using System.CommandLine;
using System.Globalization;
using InterviewBot.Chat.Library;
using InterviewBot.Chat.Qotd;
using InterviewBot.Cli.Output;
using InterviewBot.Retrieval.Quotes;
using InterviewBot.Store;

namespace InterviewBot.Cli.Commands;

/// <summary><c>qotd [--date YYYY-MM-DD] [--channel platform:id]</c>: preview the quote of the day, the global one or
/// exactly what a subscribed channel will get; <c>qotd subscriptions</c> manages subscriptions.</summary>
internal static class QotdCommand
{
    public static Command Create(TextWriter stdout)
    {
        var date = new Option<string?>("--date") { Description = "The day (YYYY-MM-DD); default today (UTC, or the channel's time zone)." };
        var speaker = new Option<string?>("--speaker") { Description = "Only quotes by this speaker (without --channel)." };
        var channel = new Option<string?>("--channel") { Description = "A subscribed channel, platform:id (e.g. discord:123): preview what it will get, from its history in the store." };
        var json = new Option<bool>("--json") { Description = "Print JSON: {\"date\",\"quote\"}." };
        var command = new Command("qotd", "Preview the quote of the day.") { date, speaker, channel, json, QotdSubscriptionsCommand.Create(stdout) };
        CorpusSource.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var given = parse.GetValue(date);
            DateOnly? day = null;
            if (given is not null)
            {
                day = DateOnly.TryParseExact(given, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d : throw new CliException($"--date must be YYYY-MM-DD, got '{given}'");
            }

            var (shown, quote, note) = parse.GetValue(channel) is { } name
                ? await ForChannelAsync(parse, QotdSubscriptionsCommand.Channel(name), day, ct).ConfigureAwait(false)
                : Global(parse, day ?? DateOnly.FromDateTime(DateTime.UtcNow), parse.GetValue(speaker));
            var dateText = shown.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (parse.GetValue(json))
            {
                await stdout.WriteLineAsync(QuoteJson.Serialize(new { date = dateText, quote = quote is null ? null : QuoteJson.From(quote), note })).ConfigureAwait(false);
            }
            else
            {
                var text = quote is null ? note ?? "No quote available." : $"Quote of the day, {dateText}{(note is null ? "" : $" ({note})")}:\n{QuoteFormatter.Render(quote)}";
                await stdout.WriteLineAsync(text).ConfigureAwait(false);
            }

            return quote is null ? 1 : 0;
        });
        return command;
    }

    private static (DateOnly, Quote?, string?) Global(System.CommandLine.ParseResult parse, DateOnly day, string? speaker) =>
        (day, new QuoteBook(CorpusSource.LoadCorpus(parse)).OfTheDay(day, speaker), null);

    private static async Task<(DateOnly, Quote?, string?)> ForChannelAsync(System.CommandLine.ParseResult parse, ChannelRef channel, DateOnly? day, CancellationToken ct)
    {
        await using var store = await QotdSubscriptionsCommand.OpenStoreAsync(ct).ConfigureAwait(false);
        var s = await store.FindSubscriptionAsync(channel, ct).ConfigureAwait(false)
            ?? throw new CliException($"{channel} has no quote-of-the-day subscription (see: interviewbot qotd subscriptions)");
        QotdClock.TryZone(s.TimeZone, out var zone);
        var today = QotdClock.LocalDate(DateTimeOffset.UtcNow, zone);
        var holder = new LibraryHolder();
        holder.Replace(new QuoteLibrary(CorpusSource.LoadRetriever(parse)));
        var history = await store.HistoryAsync(channel, ct).ConfigureAwait(false);
        try
        {
            var preview = new QotdPlanner(holder).Preview(s, day ?? today, today, history);
            var note = preview.Record switch
            {
                null when preview.Quote is null => "no quote matches the channel's filters",
                null when preview.Date < today => "not posted: that day has no record",
                null => s.Enabled ? null : "the subscription is off",
                { Status: PostStatus.Skipped } => "skipped",
                { } r => r.Status.ToString().ToLowerInvariant(),
            };
            return (preview.Date, preview.Quote, note);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new CliException($"--date: {e.Message.Split(" (Parameter", 2)[0]}");
        }
    }
}
