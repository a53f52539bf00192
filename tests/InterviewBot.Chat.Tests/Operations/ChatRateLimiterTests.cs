using InterviewBot.Chat.Commands;
using InterviewBot.Chat.Operations;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Tests.Operations;

/// <summary>The token buckets on their own: per user, per channel, refilling on the rate limiter's own clock.</summary>
public sealed class ChatRateLimiterTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void The_ask_after_a_users_burst_is_refused_with_when_to_try_again()
    {
        using var limiter = Limiter(user: (2, Hour), channel: (10, Hour));
        Assert.Null(limiter.TryAcquire(From("u1", "c1")));
        Assert.Null(limiter.TryAcquire(From("u1", "c1")));
        var refusal = limiter.TryAcquire(From("u1", "c1"));
        Assert.NotNull(refusal);
        Assert.Equal("user", refusal.Scope);
        Assert.InRange(refusal.RetryAfter, TimeSpan.FromMinutes(59), Hour);
        Assert.Matches(@"^You're asking faster than I can answer; try again in \d+ s\.$", refusal.Message);
    }

    [Fact]
    public void Another_user_in_the_channel_is_unaffected_until_the_channel_bucket_runs_out()
    {
        using var limiter = Limiter(user: (2, Hour), channel: (3, Hour));
        Assert.Null(limiter.TryAcquire(From("u1", "c1")));
        Assert.Null(limiter.TryAcquire(From("u1", "c1")));
        Assert.Equal("user", limiter.TryAcquire(From("u1", "c1"))?.Scope); // u1 is out; the channel has 1 left
        Assert.Null(limiter.TryAcquire(From("u2", "c1")));
        Assert.Equal("channel", limiter.TryAcquire(From("u2", "c1"))?.Scope);
        Assert.Null(limiter.TryAcquire(From("u3", "c2"))); // other channels are unaffected
    }

    [Fact]
    public void Platforms_have_separate_buckets_and_requests_without_ids_are_not_limited()
    {
        using var limiter = Limiter(user: (1, Hour), channel: (1, Hour));
        Assert.Null(limiter.TryAcquire(From("u1", "c1")));
        Assert.Null(limiter.TryAcquire(From("u1", "c1") with { Platform = ChatContext.Slack }));
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(limiter.TryAcquire(ChatContext.Anonymous()));
        }
    }

    [Fact]
    public async Task A_bucket_does_not_refill_before_its_period()
    {
        using var limiter = Limiter(user: (1, Hour), channel: (10, Hour));
        Assert.Null(limiter.TryAcquire(From("u1", "c1")));
        await Task.Delay(TimeSpan.FromMilliseconds(500)); // several of the partitioned limiter's replenishment ticks
        Assert.NotNull(limiter.TryAcquire(From("u1", "c1")));
    }

    [Fact]
    public async Task An_empty_bucket_refills_after_its_period()
    {
        // The rate limiter refills on its own clock (it takes no TimeProvider), so this waits for real: a 300 ms period.
        using var limiter = Limiter(user: (1, TimeSpan.FromMilliseconds(300)), channel: (10, Hour));
        Assert.Null(limiter.TryAcquire(From("u1", "c1")));
        var refused = false;
        for (var i = 0; i < 20 && !refused; i++)
        {
            refused = limiter.TryAcquire(From("u1", "c1")) is not null;
        }

        Assert.True(refused);
        var refilled = false;
        for (var i = 0; i < 50 && !refilled; i++)
        {
            await Task.Delay(100);
            refilled = limiter.TryAcquire(From("u1", "c1")) is null;
        }

        Assert.True(refilled);
    }

    [Fact]
    public void Switched_off_limits_refuse_nothing()
    {
        using var limiter = new ChatRateLimiter(Options.Create(new RateLimitOptions
        {
            Enabled = false,
            User = new TokenBucketSettings { Burst = 1, TokensPerPeriod = 1, Period = Hour },
        }));
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(limiter.TryAcquire(From("u1", "c1")));
        }
    }

    private static ChatContext From(string user, string channel) => ChatContext.For(ChatContext.Discord, user, channel, null);

    private static ChatRateLimiter Limiter((int Burst, TimeSpan Period) user, (int Burst, TimeSpan Period) channel) =>
        new(Options.Create(new RateLimitOptions
        {
            User = new TokenBucketSettings { Burst = user.Burst, TokensPerPeriod = user.Burst, Period = user.Period },
            Channel = new TokenBucketSettings { Burst = channel.Burst, TokensPerPeriod = channel.Burst, Period = channel.Period },
        }));
}
