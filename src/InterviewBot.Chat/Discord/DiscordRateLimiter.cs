using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Chat.Discord;

/// <summary>Discord's rate limits as its docs describe them, learned from response headers, never hard-coded.
/// A bucket is first keyed by <see cref="DiscordRoute.Key"/>; once Discord names it (<c>X-RateLimit-Bucket</c>) by that
/// id plus the route's major parameters, so routes sharing a limit share a bucket. Requests to one bucket run one at a
/// time (no stampede); a bucket with nothing remaining holds its next request until <c>Reset-After</c> has passed.
/// A global 429 holds every request except interaction routes, which are exempt from the global limit.</summary>
internal sealed class DiscordRateLimiter(TimeProvider time, ILogger logger)
{
    private const int PruneAbove = 512;
    private readonly ConcurrentDictionary<string, string> _bucketOfRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private long _globalResetTicks;
    private long _waits;

    /// <summary>How many times a request was held back by a rate limit.</summary>
    public long Waits => Interlocked.Read(ref _waits);

    /// <summary>Takes the route's bucket (held until the lease is disposed) and waits out its limit and the global one.</summary>
    public async Task<IDisposable> AcquireAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        if (_buckets.Count > PruneAbove)
        {
            Prune();
        }

        while (true)
        {
            var key = BucketKey(route);
            var bucket = _buckets.GetOrAdd(key, _ => new Bucket());
            await bucket.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            var lease = new Lease(bucket);
            if (BucketKey(route) != key || !_buckets.TryGetValue(key, out var current) || current != bucket)
            {
                // Discord revealed a shared bucket meanwhile, or this one was pruned: queue on the current one.
                lease.Dispose();
                continue;
            }

            try
            {
                await WaitUntilAsync(route, bucket.WaitUntil(time.GetUtcNow()), "bucket", cancellationToken).ConfigureAwait(false);
                if (!route.GlobalExempt)
                {
                    while (new DateTimeOffset(Interlocked.Read(ref _globalResetTicks), TimeSpan.Zero) is var until && until > time.GetUtcNow())
                    {
                        await WaitUntilAsync(route, until, "global", cancellationToken).ConfigureAwait(false);
                    }
                }

                return lease;
            }
            catch
            {
                lease.Dispose();
                throw;
            }
        }
    }

    /// <summary>Learns the bucket id and its remaining count and reset from any response's headers.</summary>
    public void Observe(DiscordRoute route, HttpResponseMessage response)
    {
        var key = BucketKey(route);
        if (Header(response, "X-RateLimit-Bucket") is { Length: > 0 } id)
        {
            key = id + " " + route.Major;
            _bucketOfRoute[route.Key] = key;
        }

        if (int.TryParse(Header(response, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
            && double.TryParse(Header(response, "X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var resetAfter))
        {
            _buckets.GetOrAdd(key, _ => new Bucket()).Set(remaining, time.GetUtcNow() + TimeSpan.FromSeconds(resetAfter));
        }
    }

    /// <summary>A 429: holds the route's bucket, or every non-exempt route when <paramref name="global"/>, for <paramref name="retryAfter"/>.</summary>
    public void OnRateLimited(DiscordRoute route, TimeSpan retryAfter, bool global)
    {
        var until = time.GetUtcNow() + retryAfter;
        if (global && !route.GlobalExempt)
        {
            long seen;
            do
            {
                seen = Interlocked.Read(ref _globalResetTicks);
            }
            while (until.UtcTicks > seen && Interlocked.CompareExchange(ref _globalResetTicks, until.UtcTicks, seen) != seen);
        }
        else
        {
            _buckets.GetOrAdd(BucketKey(route), _ => new Bucket()).Set(0, until);
        }
    }

    private string BucketKey(DiscordRoute route) => _bucketOfRoute.TryGetValue(route.Key, out var key) ? key : route.Key;

    private async Task WaitUntilAsync(DiscordRoute route, DateTimeOffset until, string scope, CancellationToken cancellationToken)
    {
        var delay = until - time.GetUtcNow();
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        Interlocked.Increment(ref _waits);
        DiscordRestClient.LogRateLimitWait(logger, delay.TotalMilliseconds, route.ToString(), scope);
        await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
    }

    private void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.IsIdle(now))
            {
                _buckets.TryRemove(key, out _);
            }
        }

        foreach (var (route, key) in _bucketOfRoute)
        {
            if (!_buckets.ContainsKey(key))
            {
                _bucketOfRoute.TryRemove(route, out _);
            }
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private sealed class Bucket
    {
        private readonly Lock _sync = new();
        private int? _remaining;
        private DateTimeOffset _resetAt;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public void Set(int remaining, DateTimeOffset resetAt)
        {
            lock (_sync)
            {
                (_remaining, _resetAt) = (remaining, remaining == 0 && resetAt < _resetAt ? _resetAt : resetAt);
            }
        }

        /// <summary>When the next request may go: the reset time if nothing remains, else now.</summary>
        public DateTimeOffset WaitUntil(DateTimeOffset now)
        {
            lock (_sync)
            {
                return _remaining == 0 && _resetAt > now ? _resetAt : now;
            }
        }

        public bool IsIdle(DateTimeOffset now)
        {
            lock (_sync)
            {
                return _resetAt <= now && Gate.CurrentCount == 1;
            }
        }
    }

    private sealed class Lease(Bucket bucket) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                bucket.Gate.Release();
            }
        }
    }
}
