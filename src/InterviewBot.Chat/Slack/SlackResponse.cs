using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace InterviewBot.Chat.Slack;

/// <summary>One attempt's outcome: status, parsed JSON (Slack's <c>{ok, error}</c>; a response_url may answer with
/// plain "ok"), Retry-After for a 429, or status 0 with the network error.</summary>
internal sealed record SlackResponse(int Status, JsonElement Json, bool NotOk, string? Error, TimeSpan? RetryAfter, Exception? Exception)
{
    public static async Task<SlackResponse> SendAsync(HttpClient http, Uri uri, string? json, string? token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            var parsed = Parse(body);
            var status = (int)response.StatusCode;
            var notOk = parsed.ValueKind == JsonValueKind.Object && parsed.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.False;
            var error = SlackJson.Str(parsed, "error") ?? (status is >= 200 and < 300 ? null : PlainError(body, status));
            var retryAfter = response.Headers.RetryAfter is { } r ? r.Delta ?? (r.Date - DateTimeOffset.UtcNow) : null;
            return new SlackResponse(status, parsed, notOk, error, retryAfter is { } d && d < TimeSpan.Zero ? TimeSpan.Zero : retryAfter, null);
        }
        catch (HttpRequestException e)
        {
            return new SlackResponse(0, default, false, e.HttpRequestError.ToString(), null, e);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            return new SlackResponse(0, default, false, "timeout", null, e);
        }
    }

    private static JsonElement Parse(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default; // "ok" from a response_url, or an HTML error page from a proxy
        }
    }

    /// <summary>A short plain-text error body (response_url answers e.g. "expired_url"), or the status.</summary>
    private static string PlainError(byte[] body, int status)
    {
        var text = Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 64))).Trim();
        return text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? text : $"http_{status}";
    }
}
