namespace InterviewBot.Chat.Slack;

/// <summary>A Slack Web API call (or response_url post) that failed for good: <c>ok:false</c>, a 4xx, or 429/5xx/network
/// errors after the bounded retries. The message names the method (never a token or a response_url) and Slack's
/// error code.</summary>
public sealed class SlackApiException : Exception
{
    public SlackApiException(string method, string? error, int status, Exception? innerException = null)
        : base($"Slack {method} failed: {error ?? "no error code"} (HTTP {(status == 0 ? "no response" : status)})", innerException)
    {
        Method = method;
        Error = error;
        Status = status;
    }

    /// <summary>The Web API method, e.g. <c>chat.postMessage</c>, or <c>response_url</c>.</summary>
    public string Method { get; }

    /// <summary>Slack's error code, e.g. <c>channel_not_found</c>, <c>invalid_auth</c>, <c>ratelimited</c>.</summary>
    public string? Error { get; }

    /// <summary>The HTTP status of the last response, or 0 when none came (network error or timeout).</summary>
    public int Status { get; }
}
