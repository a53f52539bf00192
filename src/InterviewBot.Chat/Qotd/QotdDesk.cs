using System.Globalization;
using InterviewBot.Chat.Commands;
using InterviewBot.Chat.Library;
using InterviewBot.Store;

namespace InterviewBot.Chat.Qotd;

/// <summary>Answers <c>/qotd</c> in chat: today's quote, and a channel's subscription (subscribe, unsubscribe,
/// status, skip). Changes need <see cref="QotdRequest.CanManage"/>; subscriptions kept in configuration cannot be
/// changed from chat.</summary>
public sealed class QotdDesk
{
    public const string Usage =
        "`/qotd` shows today's quote. Managers can set up a daily post in this channel: `/qotd subscribe` (09:00 UTC), "
        + "`/qotd subscribe time:08:30 timezone:Europe/London speaker:Russo`, `/qotd unsubscribe`, `/qotd skip` (the next post). "
        + "`/qotd status` shows the set-up.";

    private readonly IQotdStore store;
    private readonly QotdPlanner planner;
    private readonly LibraryHolder library;
    private readonly TimeProvider time;

    internal QotdDesk(IQotdStore store, QotdPlanner planner, LibraryHolder library, TimeProvider time)
    {
        this.store = store;
        this.planner = planner;
        this.library = library;
        this.time = time;
    }

    public async Task<ChatReply> HandleAsync(QotdRequest request, CancellationToken ct)
    {
        if (request.Action == QotdAction.Help)
        {
            return ChatReply.Note(Usage);
        }

        if (request.Channel is not { } channel)
        {
            return request.Action == QotdAction.Show ? Global(library.Current, time.GetUtcNow()) : ChatReply.Note("The quote of the day can only be set up in a channel.");
        }

        var current = await store.FindSubscriptionAsync(channel, ct).ConfigureAwait(false);
        if (request.Action is QotdAction.Show)
        {
            return current is null ? Global(library.Current, time.GetUtcNow()) : await ShowAsync(current, ct).ConfigureAwait(false);
        }

        if (request.Action is QotdAction.Status)
        {
            return ChatReply.Note(current is null ? "This channel has no quote of the day. " + Usage : await QotdStatus.DescribeAsync(store, planner, current, time.GetUtcNow(), ct).ConfigureAwait(false));
        }

        if (!request.CanManage)
        {
            return ChatReply.Note(channel.Platform == ChannelRef.Discord
                ? "Only members who can manage this server can change the quote of the day."
                : "Only workspace admins and the users listed in Slack:QotdManagers can change the quote of the day.");
        }

        if (current?.Source == "config")
        {
            return ChatReply.Note("This channel's quote of the day is set in the bot's configuration (Qotd:Subscriptions); change it there.");
        }

        return request.Action switch
        {
            QotdAction.Subscribe => await SubscribeAsync(request, channel, current, ct).ConfigureAwait(false),
            QotdAction.Unsubscribe => await UnsubscribeAsync(request, current, ct).ConfigureAwait(false),
            _ => await SkipAsync(current, ct).ConfigureAwait(false),
        };
    }

    /// <summary>The quote of the day for a place with no subscription: the same everywhere on a UTC date.</summary>
    internal static ChatReply Global(QuoteLibrary library, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var quote = library.Book.OfTheDay(today);
        return quote is null
            ? ChatReply.Note("There is no quote of the day: the interviews have no standalone quote.")
            : new ChatReply { Heading = QotdPlanner.Heading(today), Quotes = [quote] };
    }

    private async Task<ChatReply> ShowAsync(Subscription s, CancellationToken ct)
    {
        QotdClock.TryZone(s.TimeZone, out var zone);
        var today = QotdClock.LocalDate(time.GetUtcNow(), zone);
        var history = await store.HistoryAsync(s.Channel, ct).ConfigureAwait(false);
        var preview = planner.Preview(s, today, today, history);
        return preview.Quote is null
            ? ChatReply.Note(preview.Record?.Status == PostStatus.Skipped ? "Today's quote of the day was skipped." : "No quote matches this channel's quote-of-the-day filters.")
            : new ChatReply { Heading = QotdPlanner.Heading(today), Quotes = [preview.Quote] };
    }

    private async Task<ChatReply> SubscribeAsync(QotdRequest r, ChannelRef channel, Subscription? current, CancellationToken ct)
    {
        var given = Subscriptions.DefaultTime;
        if (r.Time is { } t && !Subscriptions.TryTime(t, out given))
        {
            return ChatReply.Note($"The time must be HH:mm on a 24-hour clock, e.g. 08:30 or 17:00, not “{t}”.");
        }

        var zone = r.TimeZone?.Trim() ?? current?.TimeZone ?? "UTC";
        if (Subscriptions.ZoneProblem(zone) is not null)
        {
            return ChatReply.Note($"“{zone}” is not a time zone I know. Use an IANA name such as Europe/London, America/New_York or UTC.");
        }

        var s = new Subscription(channel, zone, r.Time is null ? current?.LocalTime ?? given : given, r.Speaker?.Trim(), r.Interview?.Trim(), true, "chat", r.UserId, time.GetUtcNow());
        var pool = planner.PoolFor(s);
        if (pool.Count == 0)
        {
            return ChatReply.Note("No quote in the interviews matches that speaker and interview, so there would be nothing to post.");
        }

        await store.SaveSubscriptionAsync(s, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        QotdClock.TryZone(s.TimeZone, out var tz);
        var today = QotdClock.LocalDate(now, tz);
        var postsNow = QotdStatus.NextDay(s, now) != today && await store.FindPostAsync(channel, today, ct).ConfigureAwait(false) is null;
        var at = s.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        return ChatReply.Note($"This channel gets a quote of the day at {at} {s.TimeZone}{QotdStatus.Filters(s)}, chosen from {pool.Count} quotes without repeats. "
            + (postsNow ? $"Today's posts now, as {at} has passed; then " : "Next: ") + $"{QotdStatus.Next(s, now)}.");
    }

    private async Task<ChatReply> UnsubscribeAsync(QotdRequest r, Subscription? current, CancellationToken ct)
    {
        if (current is not { Enabled: true })
        {
            return ChatReply.Note("This channel has no quote of the day to stop.");
        }

        await store.SaveSubscriptionAsync(current with { Enabled = false, Source = "chat", UpdatedBy = r.UserId, UpdatedAt = time.GetUtcNow() }, ct).ConfigureAwait(false);
        return ChatReply.Note("Stopped the quote of the day in this channel. Its history is kept: subscribing again carries on without repeats.");
    }

    private async Task<ChatReply> SkipAsync(Subscription? current, CancellationToken ct)
    {
        if (current is not { Enabled: true })
        {
            return ChatReply.Note("This channel has no quote of the day to skip.");
        }

        var day = QotdStatus.NextDay(current, time.GetUtcNow());
        var skipped = await store.SkipAsync(current.Channel, day, time.GetUtcNow(), ct).ConfigureAwait(false);
        var date = day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        return ChatReply.Note(skipped ? $"Skipped the quote of the day for {date}." : $"The quote of the day for {date} is already under way or skipped.");
    }
}
