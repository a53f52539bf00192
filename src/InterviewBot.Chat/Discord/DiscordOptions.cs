namespace InterviewBot.Chat.Discord;

/// <summary>Configuration section <c>Discord</c> (environment variables <c>Discord__BotToken</c> and so on).
/// Secrets are never logged: <see cref="ToString"/> redacts them.</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";
    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";

    /// <summary>The User-Agent Discord requires: <c>DiscordBot ($url, $versionNumber)</c>.</summary>
    public const string UserAgent = "DiscordBot (https://github.com/interviewbot/interviewbot, 1.0)";

    /// <summary>Bot token from the Developer Portal (Bot page). Needed for the gateway, mentions and <c>discord register</c>.</summary>
    public string? BotToken { get; set; }

    /// <summary>Application id (General Information page). Needed to edit deferred replies and to register commands.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>Hex Ed25519 public key (General Information page). Turns on <c>POST /discord/interactions</c>.</summary>
    public string? PublicKey { get; set; }

    /// <summary>REST base URL, Discord's v10 API by default; tests point it at a fake server.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Largest interaction request body accepted, in bytes.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How long an interaction may take before it is deferred (Discord's deadline is 3 s); 0 always defers.</summary>
    public TimeSpan DeferAfter { get; set; } = TimeSpan.FromSeconds(2);

    public DiscordGatewayOptions Gateway { get; set; } = new();

    public override string ToString() =>
        $"Discord {{ ApplicationId = {ApplicationId}, ApiBaseUrl = {ApiBaseUrl}, BotToken = {(string.IsNullOrEmpty(BotToken) ? "(none)" : "***")}, Gateway = {Gateway.Enabled} }}";
}

/// <summary>Configuration section <c>Discord:Gateway</c>.</summary>
public sealed class DiscordGatewayOptions
{
    /// <summary>GUILD_MESSAGES (512) | DIRECT_MESSAGES (4096): enough for mentions and DMs, whose content Discord
    /// sends without the privileged MESSAGE_CONTENT intent.</summary>
    public const int MinimalIntents = 512 | 4096;

    /// <summary>Connect to the gateway (no public URL needed).</summary>
    public bool Enabled { get; set; }

    /// <summary>Gateway URL; empty means ask <c>GET /gateway/bot</c>. Tests point it at a fake server.</summary>
    public string? Url { get; set; }

    public int Intents { get; set; } = MinimalIntents;
}
