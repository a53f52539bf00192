using System.Text.Json;
using InterviewBot.Chat.Hosting;
using InterviewBot.Chat.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Discord;

/// <summary><c>POST /discord/interactions</c>: the signature is checked over the raw body before anything is
/// parsed; PING gets PONG; commands, buttons and autocomplete are answered inline or deferred.</summary>
public static partial class DiscordEndpoints
{
    public static IEndpointRouteBuilder MapDiscord(this IEndpointRouteBuilder app)
    {
        if (!string.IsNullOrWhiteSpace(app.ServiceProvider.GetRequiredService<IOptions<DiscordOptions>>().Value.PublicKey))
        {
            app.MapPost("/discord/interactions", HandleAsync);
        }

        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, DiscordSignature signature, DiscordInteractions interactions,
        IOptions<DiscordOptions> options, IHostApplicationLifetime lifetime, ILogger<DiscordInteractions> logger)
    {
        var body = await RequestBody.ReadAsync(http.Request, options.Value.MaxBodyBytes, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"request body over {options.Value.MaxBodyBytes} bytes");
        }

        if (!signature.Verify(http.Request.Headers["X-Signature-Ed25519"], http.Request.Headers["X-Signature-Timestamp"], body))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "invalid request signature");
        }

        JsonElement interaction;
        try
        {
            using var doc = JsonDocument.Parse(body);
            interaction = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "the body is not JSON");
        }

        var outcome = await interactions.RespondAsync(interaction, http.RequestAborted).ConfigureAwait(false);
        if (outcome.FollowUp is { } followUp)
        {
            // Edit the deferred reply only once Discord has the deferral.
            http.Response.OnCompleted(() =>
            {
                _ = Task.Run(async () =>
                {
                    using var scope = outcome.Context is { } context ? ChatScope.Begin(logger, context) : null;
                    try
                    {
                        await followUp(lifetime.ApplicationStopping).ConfigureAwait(false);
                    }
#pragma warning disable CA1031 // A background follow-up must log, not crash the host.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        LogFollowUpFailed(logger, ex);
                    }
                });
                return Task.CompletedTask;
            });
        }

        return Results.Json(outcome.Response);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Editing a deferred interaction reply failed")]
    private static partial void LogFollowUpFailed(ILogger logger, Exception exception);
}
