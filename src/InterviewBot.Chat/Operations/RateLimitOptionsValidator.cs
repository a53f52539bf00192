using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Operations;

/// <summary>Start-up checks for the <c>RateLimits</c> section; each message names the setting to fix.</summary>
internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    private static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Check(errors, "RateLimits:User", options.User);
        Check(errors, "RateLimits:Channel", options.Channel);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(List<string> errors, string section, TokenBucketSettings? bucket)
    {
        if (bucket is null)
        {
            errors.Add($"{section} must be set (TokensPerPeriod, Period, Burst)");
            return;
        }

        if (bucket.Burst < 1)
        {
            errors.Add($"{section}:Burst must be at least 1 (the most requests that may come at once)");
        }

        if (bucket.TokensPerPeriod < 1 || bucket.TokensPerPeriod > Math.Max(1, bucket.Burst))
        {
            errors.Add($"{section}:TokensPerPeriod must be between 1 and {section}:Burst");
        }

        if (bucket.Period <= TimeSpan.Zero || bucket.Period > MaxPeriod)
        {
            errors.Add($"{section}:Period must be more than zero and at most a day (hh:mm:ss, e.g. 00:00:10)");
        }
    }
}
