namespace InterviewBot.Chat.Discord;

/// <summary>A Discord REST call that failed for good: at once for a 4xx other than 429, or after the bounded retries
/// for 429, 5xx and network errors. The message names the method and route template (never a token) and Discord's
/// own message.</summary>
public sealed class DiscordApiException : Exception
{
    public DiscordApiException(string message, int status, int? code, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        Code = code;
    }

    /// <summary>The HTTP status of the last response, or 0 when no response came (network error or timeout).</summary>
    public int Status { get; }

    /// <summary>Discord's JSON error code, e.g. 10062 (unknown interaction) or 40060 (already acknowledged).</summary>
    public int? Code { get; }
}
