using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewBot.Chat.Commands;
using InterviewBot.Chat.Library;
using InterviewBot.Chat.Operations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Discord;

/// <summary>The initial response to an interaction, and, when the work was too slow for Discord's 3-second deadline,
/// the follow-up that edits the deferred reply once the answer is ready. Run the follow-up only after the initial
/// response has reached Discord. <see cref="Context"/> is the request's, for the caller's logging scope.</summary>
internal sealed record InteractionOutcome(JsonObject Response, Func<CancellationToken, Task>? FollowUp = null, ChatContext? Context = null);

/// <summary>Answers Discord interactions (from the HTTP endpoint or the gateway): commands, buttons and autocomplete.
/// Translates them into <see cref="ChatRequest"/>s and renders the router's replies.</summary>
internal sealed partial class DiscordInteractions(
    ChatRouter router, LibraryHolder library, DiscordRestClient rest, IOptions<DiscordOptions> options, TimeProvider time,
    ILogger<DiscordInteractions> logger)
{
    private const int Pong = 1, Message = 4, DeferredMessage = 5, DeferredUpdate = 6, UpdateMessage = 7, AutocompleteResult = 8;

    public async Task<InteractionOutcome> RespondAsync(JsonElement interaction, CancellationToken cancellationToken)
    {
        var type = interaction.TryGetProperty("type", out var t) && t.TryGetInt32(out var n) ? n : 0;
        var data = interaction.TryGetProperty("data", out var d) ? d : default;
        var context = ContextOf(interaction);
        using var scope = ChatScope.Begin(logger, context);
        switch (type)
        {
            case 1:
                return new InteractionOutcome(new JsonObject { ["type"] = Pong });
            case 2:
                var command = DiscordCommands.WithAsker(DiscordCommands.ToRequest(data), interaction);
                return await AnswerAsync(interaction, command, context, update: false, cancellationToken).ConfigureAwait(false);
            case 3:
                var content = interaction.TryGetProperty("message", out var m) && m.TryGetProperty("content", out var c) ? c.GetString() : null;
                var request = DiscordCustomId.Parse(DiscordJson.Str(data, "custom_id") ?? "", content) ?? new HelpRequest("That button no longer works; ask again.");
                return await AnswerAsync(interaction, request, context, update: request is AskRequest, cancellationToken).ConfigureAwait(false);
            case 4:
                return new InteractionOutcome(new JsonObject { ["type"] = AutocompleteResult, ["data"] = new JsonObject { ["choices"] = Choices(data) } });
            default:
                var reply = DiscordRenderer.Render(ChatReply.Note("This kind of interaction is not supported."));
                return new InteractionOutcome(new JsonObject { ["type"] = Message, ["data"] = reply });
        }
    }

    /// <summary>Runs the request; answers inline when it is done in time, else defers and edits the reply later.
    /// A page of "More quotes" replaces the message the button is on.</summary>
    private async Task<InteractionOutcome> AnswerAsync(JsonElement interaction, ChatRequest request, ChatContext context, bool update,
        CancellationToken cancellationToken)
    {
        var work = Task.Run(() => RunAsync(request, context), CancellationToken.None);
        var deferAfter = options.Value.DeferAfter;
        if (deferAfter > TimeSpan.Zero && await Task.WhenAny(work, Task.Delay(deferAfter, time, cancellationToken)).ConfigureAwait(false) == work)
        {
            var reply = await work.ConfigureAwait(false);
            // "No more quotes" goes privately to the clicker instead of replacing the page.
            var edit = update && reply.Notice is null;
            return new InteractionOutcome(new JsonObject { ["type"] = edit ? UpdateMessage : Message, ["data"] = DiscordRenderer.Render(reply) }, Context: context);
        }

        var token = DiscordJson.Str(interaction, "token") ?? throw new InvalidDataException("the interaction has no token");
        LogDeferred(logger, request.GetType().Name);
        var ephemeral = request is ContextRequest;
        var deferral = new JsonObject { ["type"] = update ? DeferredUpdate : DeferredMessage };
        if (ephemeral)
        {
            deferral["data"] = new JsonObject { ["flags"] = DiscordRenderer.EphemeralFlag };
        }

        return new InteractionOutcome(deferral, async ct =>
        {
            using var followUpScope = ChatScope.Begin(logger, context);
            var message = DiscordRenderer.Render(await work.ConfigureAwait(false));
            await rest.EditOriginalResponseAsync(token, message, ct).ConfigureAwait(false);
        }, context);
    }

    /// <summary>Who asked where: the member's (or, in a DM, the user's) id, the channel, and the interaction id as the
    /// correlation id.</summary>
    internal static ChatContext ContextOf(JsonElement interaction)
    {
        var member = interaction.TryGetProperty("member", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var user = member.ValueKind == JsonValueKind.Object && member.TryGetProperty("user", out var u) ? u
            : interaction.TryGetProperty("user", out var dmUser) ? dmUser : default;
        var userId = user.ValueKind == JsonValueKind.Object ? DiscordJson.Str(user, "id") : null;
        return ChatContext.For(ChatContext.Discord, userId, DiscordJson.Str(interaction, "channel_id"), DiscordJson.Str(interaction, "id"));
    }

    private async Task<ChatReply> RunAsync(ChatRequest request, ChatContext context)
    {
        try
        {
            // Not tied to the HTTP request: a deferred answer outlives it.
            return await router.HandleAsync(request, context, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // One error path for chat: a short private reply and a log line.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex, request.GetType().Name);
            return ChatReply.Note("Sorry, something went wrong while answering that. Please try again.");
        }
    }

    private JsonArray Choices(JsonElement data)
    {
        var focused = DiscordCommands.Focused(data);
        if (focused is null || !library.IsLoaded)
        {
            return [];
        }

        var lib = library.Current;
        var choices = focused.Value.Name switch
        {
            "speaker" => lib.SpeakersMatching(focused.Value.Typed).Select(s => (Name: s, Value: s)),
            "interview" => lib.InterviewsMatching(focused.Value.Typed).Select(i => (Name: i.Metadata.Title, Value: i.Id)),
            _ => [],
        };
        return new JsonArray(choices
            .Where(c => c.Value.Length <= 100)
            .Select(c => (JsonNode)new JsonObject { ["name"] = DiscordText.Fit(c.Name, 100), ["value"] = c.Value })
            .ToArray());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Interaction {Request} deferred: the answer will edit the reply")]
    private static partial void LogDeferred(ILogger logger, string request);

    [LoggerMessage(Level = LogLevel.Error, Message = "Interaction {Request} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string request);
}
