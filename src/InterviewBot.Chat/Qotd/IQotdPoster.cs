using InterviewBot.Chat.Commands;

namespace InterviewBot.Chat.Qotd;

/// <summary>Posts quote-of-the-day messages to one platform's channels through its bot API.</summary>
public interface IQotdPoster
{
    /// <summary><see cref="Store.ChannelRef.Discord"/> or <see cref="Store.ChannelRef.Slack"/>.</summary>
    string Platform { get; }

    /// <summary>Why this platform cannot post (e.g. "Discord:BotToken is not set"), or null when it can.</summary>
    string? Unavailable { get; }

    /// <summary>Posts <paramref name="reply"/> to the channel, rendered exactly as the platform renders
    /// <c>/quote</c>, and returns the platform's message id (Discord) or ts (Slack). Throws
    /// <see cref="QotdPostException"/> for every failure.</summary>
    Task<string> PostAsync(string channelId, ChatReply reply, CancellationToken ct);

    /// <summary>The id of a message this bot posted to the channel at or after <paramref name="since"/> whose heading
    /// is <paramref name="heading"/>, or null when there is none: how a retry after a crash or a timeout learns that an
    /// earlier attempt did post. Throws <see cref="QotdPostException"/> when the channel cannot be read.</summary>
    Task<string?> FindPostedAsync(string channelId, string heading, DateTimeOffset since, CancellationToken ct);
}

/// <summary>A post that did not go out. <see cref="Permanent"/> failures (an unknown channel, missing access, a bad
/// token) are not retried; others (5xx, 429, timeouts, network errors) are, no sooner than <see cref="RetryAfter"/>
/// when the platform said so.</summary>
public sealed class QotdPostException(string message, bool permanent, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
