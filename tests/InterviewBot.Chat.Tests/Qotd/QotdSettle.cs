using System.Globalization;
using InterviewBot.Store;

namespace InterviewBot.Chat.Tests.Qotd;

/// <summary>For tests of a running host's scheduler on the real clock.</summary>
internal static class QotdSettle
{
    /// <summary>Subscribes the channel at the current minute (so it is due at once) and waits for its day to settle
    /// (posted, failed or skipped; up to 15 s).</summary>
    public static async Task<PostRecord> SubscribeDueNowAsync(IQotdStore store, ChannelRef channel)
    {
        var now = DateTimeOffset.UtcNow;
        var at = TimeOnly.ParseExact(now.ToString("HH:mm", CultureInfo.InvariantCulture), "HH:mm", CultureInfo.InvariantCulture);
        await store.SaveSubscriptionAsync(new Subscription(channel, "UTC", at, null, null, true, "cli", null, now), default);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        for (var i = 0; i < 300; i++)
        {
            if (await store.FindPostAsync(channel, today, default) is { Status: not PostStatus.Claimed } done)
            {
                return done;
            }

            await Task.Delay(50);
        }

        return await store.FindPostAsync(channel, today, default) ?? throw new TimeoutException("nothing was claimed");
    }
}
