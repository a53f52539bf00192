using System.Globalization;
using InterviewBot.Store;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Qotd;

/// <summary>Start-up checks for the <c>Qotd</c> section; each message names the setting to fix.</summary>
internal sealed class QotdOptionsValidator : IValidateOptions<QotdOptions>
{
    public ValidateOptionsResult Validate(string? name, QotdOptions o)
    {
        var errors = new List<string>();
        if (o.MaxAttempts is < 1 or > 20)
        {
            errors.Add("Qotd:MaxAttempts must be between 1 and 20");
        }

        if (o.RetryDelay <= TimeSpan.Zero || o.AttemptTimeout <= TimeSpan.Zero || o.PollInterval <= TimeSpan.Zero)
        {
            errors.Add("Qotd:RetryDelay, Qotd:AttemptTimeout and Qotd:PollInterval must be positive (hh:mm:ss)");
        }

        if (o.Lease <= o.AttemptTimeout * 2)
        {
            errors.Add("Qotd:Lease must be longer than twice Qotd:AttemptTimeout, or a slow attempt could be taken over and post twice");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < o.Subscriptions.Count; i++)
        {
            var s = o.Subscriptions[i];
            var at = $"Qotd:Subscriptions:{i}";
            if (Subscriptions.Problem(s.Platform, s.Channel, s.Time, s.TimeZone) is { } problem)
            {
                errors.Add($"{at}: {problem}");
            }
            else if (!seen.Add($"{s.Platform.ToLowerInvariant()}:{s.Channel}"))
            {
                errors.Add($"{at}: channel {s.Platform}:{s.Channel} is listed twice");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>Parsing and checking of subscription fields, shared by configuration, chat and the command line.</summary>
internal static class Subscriptions
{
    public static readonly TimeOnly DefaultTime = new(9, 0);

    public static string? Problem(string platform, string channel, string time, string zone)
    {
        if (platform.ToLowerInvariant() is not (ChannelRef.Discord or ChannelRef.Slack))
        {
            return $"platform must be \"discord\" or \"slack\", not \"{platform}\"";
        }

        if (string.IsNullOrWhiteSpace(channel) || channel.Length > 64 || channel.Any(char.IsWhiteSpace))
        {
            return "channel must be the platform's channel id";
        }

        return TimeProblem(time) ?? ZoneProblem(zone);
    }

    public static string? TimeProblem(string time) =>
        TryTime(time, out _) ? null : $"time must be HH:mm (24-hour), not \"{time}\"";

    public static string? ZoneProblem(string zone) =>
        QotdClock.TryZone(zone, out _) ? null : $"time zone must be an IANA name such as Europe/London or America/New_York, not \"{zone}\"";

    public static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
