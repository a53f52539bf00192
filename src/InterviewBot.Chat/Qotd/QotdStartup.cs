using InterviewBot.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Qotd;

/// <summary>Before anything reads the store: creates or migrates its schema, then brings the subscriptions kept in
/// configuration into it.</summary>
internal sealed partial class QotdStartup(IQotdStore store, IOptions<QotdOptions> options, TimeProvider time, ILogger<QotdStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException e)
        {
            var setting = store.Kind == "postgresql" ? "Store:PostgreSQL" : "Store:DataDirectory";
            throw new InvalidOperationException($"the quote-of-the-day store ({store.Kind}) cannot be opened: {e.Message} (check {setting})", e);
        }

        var changed = await SyncAsync(store, options.Value.Subscriptions, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        LogReady(logger, store.Kind, await store.SchemaVersionAsync(cancellationToken).ConfigureAwait(false), changed);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Saves each configured subscription that differs from the store's, and switches off those that came
    /// from configuration but are no longer in it. Returns how many were changed.</summary>
    public static async Task<int> SyncAsync(IQotdStore store, IReadOnlyList<ConfiguredSubscription> configured, DateTimeOffset now, CancellationToken ct)
    {
        var existing = (await store.SubscriptionsAsync(ct).ConfigureAwait(false)).ToDictionary(s => s.Channel);
        var wanted = configured.Select(c => new Subscription(
            new ChannelRef(c.Platform.Trim().ToLowerInvariant(), c.Channel.Trim()),
            c.TimeZone.Trim(),
            Subscriptions.TryTime(c.Time, out var t) ? t : Subscriptions.DefaultTime,
            Blank(c.Speaker),
            Blank(c.Interview),
            c.Enabled,
            "config",
            null,
            now)).ToList();

        var changed = 0;
        foreach (var s in wanted)
        {
            if (!existing.TryGetValue(s.Channel, out var old) || old with { UpdatedAt = now, UpdatedBy = null } != s)
            {
                await store.SaveSubscriptionAsync(s, ct).ConfigureAwait(false);
                changed++;
            }
        }

        var kept = wanted.Select(s => s.Channel).ToHashSet();
        foreach (var old in existing.Values.Where(o => o is { Source: "config", Enabled: true } && !kept.Contains(o.Channel)))
        {
            await store.SaveSubscriptionAsync(old with { Enabled = false, UpdatedAt = now }, ct).ConfigureAwait(false);
            changed++;
        }

        return changed;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [LoggerMessage(Level = LogLevel.Information, Message = "Quote-of-the-day store ready: {Kind}, schema version {Version}; {Changed} subscription(s) updated from configuration")]
    private static partial void LogReady(ILogger logger, string kind, int version, int changed);
}
