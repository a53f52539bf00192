using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Discord;

/// <summary>Start-up checks for the <c>Discord</c> section: each message names the setting to fix.</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions o)
    {
        if (!IsConfigured(o))
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        var http = !string.IsNullOrWhiteSpace(o.PublicKey);
        if (!http && !o.Gateway.Enabled)
        {
            errors.Add("Discord is configured but neither Discord:PublicKey (HTTP interactions endpoint) nor Discord:Gateway:Enabled is set");
        }

        if (http && (o.PublicKey!.Length != 64 || !o.PublicKey.All(char.IsAsciiHexDigit)))
        {
            errors.Add("Discord:PublicKey must be the 64 hexadecimal characters of the application's public key (Developer Portal, General Information)");
        }

        if (string.IsNullOrWhiteSpace(o.ApplicationId))
        {
            errors.Add("Discord:ApplicationId is required (Developer Portal, General Information)");
        }
        else if (!o.ApplicationId.All(char.IsAsciiDigit))
        {
            errors.Add("Discord:ApplicationId must be a numeric id");
        }

        if (o.Gateway.Enabled && string.IsNullOrWhiteSpace(o.BotToken))
        {
            errors.Add("Discord:BotToken is required when Discord:Gateway:Enabled is true (Developer Portal, Bot)");
        }

        if (!Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            errors.Add("Discord:ApiBaseUrl must be an absolute http(s) URL");
        }

        if (!string.IsNullOrWhiteSpace(o.Gateway.Url) && (!Uri.TryCreate(o.Gateway.Url, UriKind.Absolute, out var ws) || ws.Scheme is not ("ws" or "wss")))
        {
            errors.Add("Discord:Gateway:Url must be an absolute ws(s) URL");
        }

        if (o.Gateway.Intents <= 0)
        {
            errors.Add("Discord:Gateway:Intents must be a positive intents bit set");
        }

        if (o.MaxBodyBytes <= 0)
        {
            errors.Add("Discord:MaxBodyBytes must be positive");
        }

        if (o.DeferAfter < TimeSpan.Zero || o.DeferAfter >= TimeSpan.FromSeconds(3))
        {
            errors.Add("Discord:DeferAfter must be at least 0 (0 = always defer) and under 3 seconds (Discord's deadline)");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Discord is on when any of its credentials is set.</summary>
    public static bool IsConfigured(DiscordOptions o) =>
        !string.IsNullOrWhiteSpace(o.PublicKey) || !string.IsNullOrWhiteSpace(o.BotToken) || !string.IsNullOrWhiteSpace(o.ApplicationId) || o.Gateway.Enabled;
}
