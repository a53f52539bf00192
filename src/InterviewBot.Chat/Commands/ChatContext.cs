namespace InterviewBot.Chat.Commands;

/// <summary>Who asked, where and on which platform, whatever the platform: adapters build one per chat request and pass
/// it to <see cref="ChatRouter.HandleAsync(ChatRequest, ChatContext, CancellationToken)"/>. It keys the per-user and
/// per-channel rate limits, labels metrics (<see cref="Platform"/>) and tags every log line written while the request
/// is handled (<see cref="CorrelationId"/>).</summary>
/// <param name="Platform"><see cref="Discord"/>, <see cref="Slack"/>, <see cref="Playground"/> or <see cref="Unknown"/>.</param>
/// <param name="UserId">The platform's user id; null when unknown (no per-user limit then).</param>
/// <param name="ChannelId">The platform's channel id (a DM's too); null when unknown (no per-channel limit then).</param>
/// <param name="CorrelationId">The platform's id for the request (Discord interaction or message id, Slack event_id or
/// trigger_id), else a new GUID.</param>
public sealed record ChatContext(string Platform, string? UserId, string? ChannelId, string CorrelationId)
{
    public const string Discord = "discord";
    public const string Slack = "slack";
    public const string Playground = "playground";
    public const string Unknown = "unknown";

    /// <summary>Longest platform id taken as a correlation id; anything longer or odd is replaced by a GUID.</summary>
    private const int MaxCorrelationId = 64;

    /// <summary>A request from nowhere in particular (tests, the command line): no rate limits, a new correlation id.</summary>
    public static ChatContext Anonymous() => new(Unknown, null, null, NewCorrelationId());

    /// <summary>A context whose correlation id is <paramref name="platformId"/> when it is a plain id (letters, digits,
    /// '.', '-', '_', ':'; at most 64 characters, e.g. an ASP.NET Core TraceIdentifier), else a new GUID. Blank user and channel ids become null.</summary>
    public static ChatContext For(string platform, string? userId, string? channelId, string? platformId) =>
        new(platform, Blank(userId), Blank(channelId), IsPlainId(platformId) ? platformId! : NewCorrelationId());

    public static string NewCorrelationId() => Guid.NewGuid().ToString("N");

    private static bool IsPlainId(string? id) =>
        id is { Length: > 0 and <= MaxCorrelationId } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':');

    private static string? Blank(string? id) => string.IsNullOrWhiteSpace(id) ? null : id;
}
