using System.Globalization;
using System.Text.Json;

namespace InterviewBot.Chat.Discord;

/// <summary>One attempt's outcome: a status with its parsed JSON body, or status 0 with the network error or timeout.
/// For a 429, how long to wait (<c>retry_after</c> in the body, else the <c>Retry-After</c> header) and whether the
/// limit is global (<c>global</c> in the body or <c>X-RateLimit-Global</c>).</summary>
internal sealed record DiscordRestResponse(int Status, JsonElement? Json, TimeSpan RetryAfter, bool Global, string? Reason, Exception? Error)
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    public static DiscordRestResponse From(HttpResponseMessage response, byte[] body)
    {
        var json = Parse(body);
        var status = (int)response.StatusCode;
        return status == 429
            ? new(status, json, RetryAfterOf(response, json), IsGlobal(response, json), response.ReasonPhrase, null)
            : new(status, json, TimeSpan.Zero, false, response.ReasonPhrase, null);
    }

    public static DiscordRestResponse Failed(Exception error, string reason) => new(0, null, TimeSpan.Zero, false, reason, error);

    /// <summary>The status, or the kind of network failure; never a URL.</summary>
    public string Describe() => Status == 0 ? Reason ?? "no response" : Status.ToString(CultureInfo.InvariantCulture);

    public DiscordApiException ToException(DiscordRoute route)
    {
        int? code = null;
        string? message = null;
        if (Json is { ValueKind: JsonValueKind.Object } o)
        {
            if (o.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n))
            {
                code = n;
            }

            if (o.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
            {
                message = m.GetString();
            }
        }

        var what = code is null ? Describe() : $"{Describe()}, code {code}";
        return new DiscordApiException($"Discord {route} failed ({what}): {message ?? Reason ?? "no message"}", Status, code, Error);
    }

    private static JsonElement? Parse(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null; // e.g. an HTML error page from a proxy
        }
    }

    private static TimeSpan RetryAfterOf(HttpResponseMessage response, JsonElement? json)
    {
        if (json is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("retry_after", out var r) && r.ValueKind == JsonValueKind.Number && r.TryGetDouble(out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (response.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return response.Headers.TryGetValues("X-RateLimit-Reset-After", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var resetAfter)
            ? TimeSpan.FromSeconds(resetAfter)
            : DefaultRetryAfter;
    }

    private static bool IsGlobal(HttpResponseMessage response, JsonElement? json) =>
        (json is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("global", out var g) && g.ValueKind == JsonValueKind.True)
        || (response.Headers.TryGetValues("X-RateLimit-Global", out var values)
            && string.Equals(values.FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase));
}
