namespace InterviewBot.Chat.Slack;

/// <summary>Remembers recent <c>event_id</c>s so a redelivered event (Slack retries up to three times, the last about
/// five minutes later, with <c>X-Slack-Retry-Num</c>) is answered once. Memory is bounded in both time and count:
/// ids older than <see cref="Memory"/> are forgotten, and the oldest go first beyond <see cref="Capacity"/>.</summary>
internal sealed class SlackEventDeduper(TimeProvider time)
{
    public static readonly TimeSpan Memory = TimeSpan.FromMinutes(15);
    public const int Capacity = 10_000;

    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset At)> _order = new();
    private readonly Lock _lock = new();

    /// <summary>True the first time an id is seen (within the memory), false for a repeat.</summary>
    public bool FirstTime(string eventId)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            while (_order.Count > 0 && (_order.Count >= Capacity || now - _order.Peek().At > Memory))
            {
                _seen.Remove(_order.Dequeue().Id);
            }

            if (!_seen.TryAdd(eventId, now))
            {
                return false;
            }

            _order.Enqueue((eventId, now));
            return true;
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _seen.Count;
            }
        }
    }
}
