using System.Globalization;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Slack;

/// <summary>Start-up checks for the <c>Slack</c> section: each message names the setting to fix. Slack is off (and
/// valid) when none of its credentials is set.</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions o)
    {
        if (!IsConfigured(o))
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.BotToken))
        {
            errors.Add("Slack:BotToken is required when Slack is configured (OAuth & Permissions, Bot User OAuth Token, xoxb-…)");
        }
        else if (!o.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            errors.Add("Slack:BotToken must be a bot token starting with xoxb- (OAuth & Permissions, Bot User OAuth Token)");
        }

        if (string.IsNullOrWhiteSpace(o.SigningSecret) && string.IsNullOrWhiteSpace(o.AppToken))
        {
            errors.Add("Slack is configured but neither Slack:SigningSecret (HTTP endpoints) nor Slack:AppToken (Socket Mode) is set");
        }

        if (!string.IsNullOrEmpty(o.SigningSecret) && o.SigningSecret.Any(char.IsWhiteSpace))
        {
            errors.Add("Slack:SigningSecret must not contain whitespace (Basic Information, App Credentials, Signing Secret)");
        }

        if (!string.IsNullOrWhiteSpace(o.AppToken) && !o.AppToken.StartsWith("xapp-", StringComparison.Ordinal))
        {
            errors.Add("Slack:AppToken must be an app-level token starting with xapp- with scope connections:write (Basic Information, App-Level Tokens)");
        }

        if (!Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            errors.Add("Slack:ApiBaseUrl must be an absolute http(s) URL");
        }

        if (o.MaxBodyBytes <= 0)
        {
            errors.Add("Slack:MaxBodyBytes must be positive");
        }

        for (var i = 0; i < o.QotdManagers.Count; i++)
        {
            if (!IsUserId(o.QotdManagers[i]))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"Slack:QotdManagers:{i} must be a Slack user id such as U012AB3CDE (U or W, then capital letters and digits; profile → ⋮ → Copy member ID), not a name"));
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>A Slack user id: <c>U</c> or <c>W</c> (Enterprise Grid) followed by capital letters and digits.</summary>
    public static bool IsUserId(string? id) =>
        id is { Length: >= 3 } && id[0] is 'U' or 'W' && id.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    /// <summary>Slack is on when any of its credentials is set.</summary>
    public static bool IsConfigured(SlackOptions o) =>
        !string.IsNullOrWhiteSpace(o.BotToken) || !string.IsNullOrWhiteSpace(o.SigningSecret) || !string.IsNullOrWhiteSpace(o.AppToken);
}
