using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewBot.Chat.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Slack;

/// <summary>Slack's HTTP endpoints. Each reads the raw body, checks the v0 signature before parsing anything (401 when
/// it fails), acks at once with 200 and leaves the answer to <see cref="SlackWork"/>, which delivers it through
/// response_url or chat.postMessage, well inside Slack's 3-second deadline whatever the retrieval costs.</summary>
internal static partial class SlackEndpoints
{
    public static async Task<IResult> CommandsAsync(HttpRequest request, SlackSignature signature, IOptions<SlackOptions> options,
        SlackHandlers handlers, SlackWork work, ILogger<SlackHandlers> logger, CancellationToken ct)
    {
        var (body, failure) = await ReadSignedAsync(request, signature, options.Value, logger, ct).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (form.TryGetValue("ssl_check", out var ssl) && ssl == "1")
        {
            return Results.Ok();
        }

        if (SlackCommand.From(name => form.TryGetValue(name, out var v) ? v.ToString() : null) is not { } command)
        {
            return Results.BadRequest();
        }

        work.Run($"slash command {command.Command}", t => handlers.CommandAsync(command, t));
        return Results.Ok();
    }

    public static async Task<IResult> EventsAsync(HttpRequest request, SlackSignature signature, IOptions<SlackOptions> options,
        SlackHandlers handlers, SlackWork work, ILogger<SlackHandlers> logger, CancellationToken ct)
    {
        var (body, failure) = await ReadSignedAsync(request, signature, options.Value, logger, ct).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        if (Json(body) is not { } payload)
        {
            return Results.BadRequest();
        }

        if (SlackJson.Str(payload, "type") == "url_verification")
        {
            return Results.Text(new JsonObject { ["challenge"] = SlackJson.Str(payload, "challenge") }.ToJsonString(), "application/json");
        }

        if (request.Headers["X-Slack-Retry-Num"].ToString() is { Length: > 0 } retry)
        {
            LogRetry(logger, SlackJson.Str(payload, "event_id") ?? "(none)", retry, request.Headers["X-Slack-Retry-Reason"].ToString());
        }

        work.Run("event", t => handlers.EventAsync(payload, t));
        return Results.Ok();
    }

    public static async Task<IResult> InteractivityAsync(HttpRequest request, SlackSignature signature, IOptions<SlackOptions> options,
        SlackHandlers handlers, SlackWork work, ILogger<SlackHandlers> logger, CancellationToken ct)
    {
        var (body, failure) = await ReadSignedAsync(request, signature, options.Value, logger, ct).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (!form.TryGetValue("payload", out var raw) || Json(Encoding.UTF8.GetBytes(raw.ToString())) is not { } payload)
        {
            return Results.BadRequest();
        }

        work.Run("button click", t => handlers.ActionsAsync(payload, t));
        return Results.Ok();
    }

    private static async Task<(byte[] Body, IResult? Failure)> ReadSignedAsync(HttpRequest request, SlackSignature signature, SlackOptions options,
        ILogger logger, CancellationToken ct)
    {
        var body = await RequestBody.ReadAsync(request, options.MaxBodyBytes, ct).ConfigureAwait(false);
        if (body is null)
        {
            return ([], Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        if (!signature.Verify(request.Headers[SlackSignature.SignatureHeader], request.Headers[SlackSignature.TimestampHeader], body))
        {
            LogBadSignature(logger, request.Path.Value ?? "");
            return ([], Results.Unauthorized());
        }

        return (body, null);
    }

    private static JsonElement? Json(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 3500, Level = LogLevel.Warning, Message = "Rejected a Slack request to {Path}: missing, stale or wrong signature")]
    private static partial void LogBadSignature(ILogger logger, string path);

    [LoggerMessage(EventId = 3501, Level = LogLevel.Information, Message = "Slack redelivered event {EventId} (retry {Retry}, {Reason})")]
    private static partial void LogRetry(ILogger logger, string eventId, string retry, string reason);
}
