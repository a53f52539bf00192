using InterviewBot.Chat.Discord;

namespace InterviewBot.Chat.Qotd;

/// <summary>Turns what <see cref="DiscordRestClient"/> throws (after its own retries) into a
/// <see cref="QotdPostException"/>: a 4xx other than 408 and 429 (401 bad token, 403 missing access or permissions,
/// 404 unknown channel, 400 invalid body) is permanent; 429, 408, 5xx, timeouts and network errors are transient.</summary>
internal static class DiscordQotdErrors
{
    /// <summary>The exception to throw instead of <paramref name="e"/>, or null when the caller cancelled (let that
    /// propagate as it is).</summary>
    public static QotdPostException? Translate(Exception e, string what, CancellationToken ct) => e switch
    {
        OperationCanceledException when ct.IsCancellationRequested => null,
        QotdPostException => null,
        DiscordApiException { Status: 0 } d => new(Describe(what, d.Message), permanent: false, inner: d),
        DiscordApiException { Status: 408 or 429 or >= 500 } d => new(Describe(what, d.Message), permanent: false, inner: d),
        DiscordApiException { Status: >= 400 and < 500 } d => new(Describe(what, d.Message), permanent: true, inner: d),
        OperationCanceledException => new(Describe(what, "timed out"), permanent: false, inner: e),
        HttpRequestException h => new(Describe(what, "network error " + h.HttpRequestError), permanent: false, inner: e),
        InvalidOperationException => new(Describe(what, e.Message), permanent: true, inner: e), // e.g. no bot token
        _ => new(Describe(what, e.Message), permanent: false, inner: e),
    };

    private static string Describe(string what, string why) => $"Discord could not {what}: {why}";
}
