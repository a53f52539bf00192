using System.Globalization;
using InterviewBot.Chat.Commands;
using InterviewBot.Retrieval;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InterviewBot.Chat.Playground;

/// <summary>The API's input limits. Each failure is a 400 ProblemDetails whose <c>detail</c> says what to fix, with
/// the parameter's name (and the limit, where there is one) as extensions.</summary>
internal static class PlaygroundInput
{
    /// <summary>Longest context key accepted (speakers and interviews have the chat limits of
    /// <see cref="Operations.InputLimits"/>).</summary>
    public const int MaxField = 200;

    /// <summary>Furthest page of "more quotes" (100 pages of <see cref="ChatRouter.PageSize"/>).</summary>
    public const int MaxSkip = 100 * ChatRouter.PageSize;

    /// <summary>Largest turn or sentence number accepted.</summary>
    public const int MaxPosition = 1_000_000;

    /// <summary>Most sentences a context request may cover.</summary>
    public const int MaxSentences = 100;

    /// <summary>A question (trimmed) over <see cref="Retriever.MaxQuestionLength"/>, with the router's own wording.</summary>
    public static ProblemHttpResult? Question(string parameter, string? value) =>
        value is not null && value.Trim().Length > Retriever.MaxQuestionLength
            ? Bad(parameter, ChatRouter.Invalid(value)!, Retriever.MaxQuestionLength)
            : null;

    public static ProblemHttpResult? Field(string parameter, string? value, int max = MaxField) =>
        value is not null && value.Length > max
            ? Bad(parameter, string.Create(CultureInfo.InvariantCulture, $"{parameter} is {value.Length} characters long; the limit is {max}."), max)
            : null;

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; <paramref name="fallback"/> when
    /// absent, or a problem when absent and <paramref name="fallback"/> is null.</summary>
    public static (int Value, ProblemHttpResult? Problem) Number(string parameter, string? raw, int min, int max, int? fallback = null)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return fallback is { } f ? (f, null) : (0, Bad(parameter, $"{parameter} is required."));
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? (value, null)
            : (0, Bad(parameter, string.Create(CultureInfo.InvariantCulture, $"{parameter} must be a whole number from {min} to {max}."), max));
    }

    /// <summary>The first problem, if any.</summary>
    public static ProblemHttpResult? First(params ProblemHttpResult?[] problems) => problems.FirstOrDefault(p => p is not null);

    public static ProblemHttpResult Bad(string parameter, string detail, int? limit = null)
    {
        var extensions = new Dictionary<string, object?> { ["parameter"] = parameter };
        if (limit is { } l)
        {
            extensions["limit"] = l;
        }

        return TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request", extensions: extensions);
    }

    public static ProblemHttpResult NotReady() => TypedResults.Problem(
        "The interviews are still loading; try again in a moment.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready");
}
