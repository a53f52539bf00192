using System.Collections.Frozen;
using InterviewBot.Chat.Slack;

namespace InterviewBot.Chat.Qotd;

/// <summary>Turns what <see cref="SlackWebApi"/> throws (after its own retries) into a <see cref="QotdPostException"/>.
/// Permanent: errors that the same call will meet again (the channel, the token, the app's scopes or the request
/// itself) and any 4xx other than 408 and 429. Transient: 429/<c>ratelimited</c>, Slack's own server errors, 5xx,
/// timeouts, network errors, and an error code not listed here (the scheduler bounds its retries).</summary>
internal static class SlackQotdErrors
{
    private static readonly FrozenSet<string> PermanentErrors = FrozenSet.ToFrozenSet(
    [
        "channel_not_found", "not_in_channel", "is_archived", "invalid_auth", "not_authed", "account_inactive",
        "token_revoked", "token_expired", "missing_scope", "restricted_action", "msg_too_long", "no_permission",
        "team_access_not_granted", "ekm_access_denied", "not_allowed_token_type", "invalid_arguments",
        "invalid_arg_name", "invalid_blocks", "invalid_blocks_format", "no_text", "too_many_attachments",
        "method_deprecated", "deprecated_endpoint", "access_denied", "org_login_required", "team_not_found",
        "restricted_action_read_only_channel", "restricted_action_thread_only_channel", "restricted_action_non_threadable_channel",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> TransientErrors = FrozenSet.ToFrozenSet(
        ["ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout", "timeout"], StringComparer.Ordinal);

    /// <summary>The exception to throw instead of <paramref name="e"/>, or null when the caller cancelled (let that
    /// propagate as it is).</summary>
    public static QotdPostException? Translate(Exception e, string what, CancellationToken ct) => e switch
    {
        OperationCanceledException when ct.IsCancellationRequested => null,
        QotdPostException => null,
        SlackApiException s => new(Describe(what, s.Message), IsPermanent(s), inner: s),
        OperationCanceledException => new(Describe(what, "timed out"), permanent: false, inner: e),
        HttpRequestException h => new(Describe(what, "network error " + h.HttpRequestError), permanent: false, inner: e),
        InvalidOperationException => new(Describe(what, e.Message), permanent: true, inner: e), // e.g. no bot token
        _ => new(Describe(what, e.Message), permanent: false, inner: e),
    };

    internal static bool IsPermanent(SlackApiException e) => e.Error switch
    {
        { } error when PermanentErrors.Contains(error) => true,
        { } error when TransientErrors.Contains(error) => false,
        _ => e.Status is >= 400 and < 500 and not 408 and not 429,
    };

    private static string Describe(string what, string why) => $"Slack could not {what}: {why}";
}
