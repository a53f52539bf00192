using System.CommandLine;
using System.Globalization;
using InterviewBot.Chat.Library;
using InterviewBot.Chat.Qotd;
using InterviewBot.Store;

namespace InterviewBot.Cli.Commands;

/// <summary><c>qotd subscriptions [add|remove]</c>: list and change quote-of-the-day subscriptions in the store the
/// configuration names (the same one <c>serve</c> uses).</summary>
internal static class QotdSubscriptionsCommand
{
    public static Command Create(TextWriter stdout)
    {
        var list = new Command("subscriptions", "List quote-of-the-day subscriptions (add and remove change them).") { Add(stdout), Remove(stdout) };
        list.SetAction(async (_, ct) =>
        {
            await using var store = await OpenStoreAsync(ct).ConfigureAwait(false);
            var all = await store.SubscriptionsAsync(ct).ConfigureAwait(false);
            if (all.Count == 0)
            {
                await stdout.WriteLineAsync($"No subscriptions in {store.Kind} store.").ConfigureAwait(false);
                return 0;
            }

            foreach (var s in all)
            {
                var history = await store.HistoryAsync(s.Channel, ct).ConfigureAwait(false);
                var last = history.LastOrDefault() is { } r ? $"  last {r.LocalDate:yyyy-MM-dd} {r.Status.ToString().ToLowerInvariant()}{(r.Status == PostStatus.Failed ? $": {r.Error}" : "")}" : "";
                var next = s.Enabled ? $"  next {QotdStatus.Next(s, DateTimeOffset.UtcNow)}" : "";
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{s.Channel}  {(s.Enabled ? "on " : "off")}  {s.LocalTime:HH\\:mm} {s.TimeZone}{QotdStatus.Filters(s)}  ({s.Source}){next}{last}")).ConfigureAwait(false);
            }

            return 0;
        });
        return list;
    }

    /// <summary>Opens (and migrates) the store of the configuration's <c>Store</c> section.</summary>
    public static async Task<IQotdStore> OpenStoreAsync(CancellationToken ct)
    {
        IQotdStore store;
        try
        {
            store = QotdStores.Open(CorpusSource.Configured<StoreOptions>(StoreOptions.SectionName));
            await store.MigrateAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot open the quote-of-the-day store: {e.Message}", CliApp.Failure);
        }

        return store;
    }

    public static ChannelRef Channel(string text)
    {
        var parts = text.Split(':', 2);
        if (parts.Length != 2 || Subscriptions.Problem(parts[0], parts[1], "09:00", "UTC") is { } problem)
        {
            throw new CliException($"channel must be platform:id, e.g. discord:1234567890 or slack:C0123ABC, got '{text}'");
        }

        return new ChannelRef(parts[0].ToLowerInvariant(), parts[1]);
    }

    /// <summary>Subscriptions kept in configuration are brought back by the next <c>serve</c>; change them there.</summary>
    private static async Task RefuseConfiguredAsync(IQotdStore store, ChannelRef channel, CancellationToken ct)
    {
        if (await store.FindSubscriptionAsync(channel, ct).ConfigureAwait(false) is { Source: "config" })
        {
            throw new CliException($"{channel} is set in configuration (Qotd:Subscriptions); change it there", CliApp.Failure);
        }
    }

    private static Command Add(TextWriter stdout)
    {
        var channel = new Argument<string>("channel") { Description = "platform:id, e.g. discord:1234567890 or slack:C0123ABC." };
        var time = new Option<string?>("--time") { Description = "Local posting time, HH:mm (default: unchanged, 09:00 at first)." };
        var zone = new Option<string?>("--timezone") { Description = "IANA time zone (default: unchanged, UTC at first)." };
        var speaker = new Option<string?>("--speaker") { Description = "Only quotes by this speaker (filters are replaced by the ones given)." };
        var interview = new Option<string?>("--interview") { Description = "Only quotes from this interview (id or title)." };
        var add = new Command("add", "Subscribe a channel (or change its subscription).") { channel, time, zone, speaker, interview };
        CorpusSource.AddTo(add);
        add.SetAction(async (parse, ct) =>
        {
            var at = Channel(parse.GetValue(channel)!);
            var (t, z) = (parse.GetValue(time), parse.GetValue(zone));
            if (((t is null ? null : Subscriptions.TimeProblem(t)) ?? (z is null ? null : Subscriptions.ZoneProblem(z))) is { } problem)
            {
                throw new CliException(problem);
            }

            await using var store = await OpenStoreAsync(ct).ConfigureAwait(false);
            await RefuseConfiguredAsync(store, at, ct).ConfigureAwait(false);
            var current = await store.FindSubscriptionAsync(at, ct).ConfigureAwait(false);
            var local = t is not null && Subscriptions.TryTime(t, out var given) ? given : current?.LocalTime ?? Subscriptions.DefaultTime;
            var s = new Subscription(at, z ?? current?.TimeZone ?? "UTC", local, parse.GetValue(speaker), parse.GetValue(interview), true, "cli", null, DateTimeOffset.UtcNow);
            if (s.Speaker is not null || s.Interview is not null)
            {
                var holder = new LibraryHolder();
                holder.Replace(new QuoteLibrary(CorpusSource.LoadRetriever(parse)));
                if (new QotdPlanner(holder).PoolFor(s).Count == 0)
                {
                    throw new CliException("no quote in the corpus matches that speaker and interview, so there would be nothing to post", CliApp.Failure);
                }
            }

            await store.SaveSubscriptionAsync(s, ct).ConfigureAwait(false);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{at}: quote of the day at {s.LocalTime:HH\\:mm} {s.TimeZone}{QotdStatus.Filters(s)}; next {QotdStatus.Next(s, DateTimeOffset.UtcNow)}.")).ConfigureAwait(false);
            return 0;
        });
        return add;
    }

    private static Command Remove(TextWriter stdout)
    {
        var channel = new Argument<string>("channel") { Description = "platform:id." };
        var remove = new Command("remove", "Switch a channel's quote of the day off (its history is kept).") { channel };
        remove.SetAction(async (parse, ct) =>
        {
            var at = Channel(parse.GetValue(channel)!);
            await using var store = await OpenStoreAsync(ct).ConfigureAwait(false);
            var s = await store.FindSubscriptionAsync(at, ct).ConfigureAwait(false) ?? throw new CliException($"{at} has no subscription", CliApp.Failure);
            await RefuseConfiguredAsync(store, at, ct).ConfigureAwait(false);
            await store.SaveSubscriptionAsync(s with { Enabled = false, Source = "cli", UpdatedAt = DateTimeOffset.UtcNow }, ct).ConfigureAwait(false);
            await stdout.WriteLineAsync($"{at}: quote of the day switched off.").ConfigureAwait(false);
            return 0;
        });
        return remove;
    }
}
