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

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Slack is on when any of its credentials is set.</summary>
    public static bool IsConfigured(SlackOptions o) =>
        !string.IsNullOrWhiteSpace(o.BotToken) || !string.IsNullOrWhiteSpace(o.SigningSecret) || !string.IsNullOrWhiteSpace(o.AppToken);
}
