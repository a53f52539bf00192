using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using InterviewBot.Chat.Commands;
using InterviewBot.Retrieval.Quotes;

namespace InterviewBot.Cli.Output;

/// <summary>The JSON shapes the CLI prints (one object per line).</summary>
internal static class QuoteJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public sealed record InterviewDto(string Id, string Title, string? Outlet, string? Date, string? Url);

    public sealed record QuoteDto(string Text, string Speaker, string Role, InterviewDto Interview, string? Timestamp, double Score, string? Context);

    public sealed record AnswerDto(string? Id, string Question, bool Answered, IReadOnlyList<QuoteDto> Quotes);

    public static QuoteDto From(Quote q) => new(
        q.Text,
        q.Speaker,
        q.Role.ToString().ToLowerInvariant(),
        new InterviewDto(q.Interview.Id, q.Interview.Title, q.Interview.Outlet, q.Interview.Date, q.Interview.Url),
        Attribution.Timestamp(q.Timestamp),
        q.Score,
        q.Context);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
