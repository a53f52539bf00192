using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InterviewBot.Chat.Playground;

/// <summary>How the API writes JSON: web naming, and the default encoder, which escapes &lt;, &gt;, &amp; and quotes
/// (ASP.NET Core's own default leaves them as they are), so no quote's text can read as markup even outside the
/// page's script.</summary>
internal static class PlaygroundJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static JsonHttpResult<T> Result<T>(T value) => TypedResults.Json(value, Options);
}
