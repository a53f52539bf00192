namespace InterviewBot.Chat.Discord;

/// <summary>How Discord rate-limits and authorises one REST path.
/// <see cref="Key"/> names the per-route bucket before Discord reveals its shared id: the method plus the path with the
/// major parameters (channel id, guild id, webhook id + token, interaction id + token) kept and every other id replaced.
/// <see cref="Key"/> and <see cref="Major"/> may contain a token: never log them. <see cref="Template"/> replaces every
/// id and token and is what logs and exceptions show, e.g. <c>webhooks/{webhook}/{token}/messages/@original</c>.</summary>
internal sealed record DiscordRoute(string Method, string Key, string Major, string Template, bool BotAuthorization)
{
    /// <summary>Interaction callbacks and interaction webhooks are authorised by the token in the path and are exempt
    /// from the global rate limit.</summary>
    public bool GlobalExempt => !BotAuthorization;

    /// <param name="path">Relative to the API base URL, e.g. <c>channels/123/messages</c>; a query string is ignored.</param>
    public static DiscordRoute Parse(HttpMethod method, string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var segments = (query < 0 ? path : path[..query]).Trim('/').Split('/');
        var tokenRoute = segments[0] is "webhooks" or "interactions";
        var key = new string[segments.Length];
        var template = new string[segments.Length];
        var major = new List<string>();
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var previous = i > 0 ? segments[i - 1] : "";
            var (shown, kept) = (i, previous) switch
            {
                (1, "webhooks") => ("{webhook}", segment),
                (1, "interactions") => ("{interaction}", segment),
                (2, _) when tokenRoute => ("{token}", segment),
                (_, "channels") => ("{channel}", segment),
                (_, "guilds") => ("{guild}", segment),
                (_, "applications") => ("{app}", "{app}"),
                (_, "reactions") => ("{emoji}", "{emoji}"),
                _ when segment.Length > 0 && segment.All(char.IsAsciiDigit) => ("{id}", "{id}"),
                _ => (segment, segment),
            };
            template[i] = shown;
            key[i] = kept;
            if (kept == segment && shown != segment)
            {
                major.Add(segment);
            }
        }

        var botAuthorization = !(segments[0] == "interactions" || (segments[0] == "webhooks" && segments.Length > 2));
        return new DiscordRoute(
            method.Method,
            method.Method + " " + string.Join('/', key),
            string.Join('/', major),
            string.Join('/', template),
            botAuthorization);
    }

    /// <summary>Method and template, safe to log: <c>PATCH webhooks/{webhook}/{token}/messages/@original</c>.</summary>
    public override string ToString() => Method + " " + Template;
}
