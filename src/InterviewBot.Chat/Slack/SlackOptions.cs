namespace InterviewBot.Chat.Slack;

/// <summary>Configuration section <c>Slack</c> (environment variables <c>Slack__BotToken</c> and so on).
/// Secrets are never logged: <see cref="ToString"/> redacts them.</summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";
    public const string DefaultApiBaseUrl = "https://slack.com/api";

    /// <summary>Bot User OAuth Token, <c>xoxb-…</c> (OAuth &amp; Permissions). Posts replies to mentions and DMs.</summary>
    public string? BotToken { get; set; }

    /// <summary>Signing Secret (Basic Information). Turns on <c>POST /slack/commands</c>, <c>/slack/events</c> and
    /// <c>/slack/interactivity</c>.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>App-level token, <c>xapp-…</c> with scope <c>connections:write</c>. Turns on Socket Mode.</summary>
    public string? AppToken { get; set; }

    /// <summary>Web API base URL, Slack's by default; tests point it at a fake server.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Largest request body accepted on the HTTP endpoints, in bytes.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Slack user ids (<c>U…</c> or <c>W…</c>) who may manage quote-of-the-day subscriptions besides the
    /// workspace's admins and owners (<c>Slack:QotdManagers:0</c>, <c>Slack:QotdManagers:1</c>, …). The only way in
    /// when the app lacks the <c>users:read</c> scope.</summary>
    public List<string> QotdManagers { get; set; } = [];

    public override string ToString() =>
        $"Slack {{ ApiBaseUrl = {ApiBaseUrl}, BotToken = {Redact(BotToken)}, SigningSecret = {Redact(SigningSecret)}, AppToken = {Redact(AppToken)}, MaxBodyBytes = {MaxBodyBytes}, QotdManagers = {QotdManagers.Count} }}";

    private static string Redact(string? secret) => string.IsNullOrEmpty(secret) ? "(none)" : "***";
}
