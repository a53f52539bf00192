using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InterviewBot.Chat.Commands;
using InterviewBot.Chat.Operations;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Chat.Discord;

/// <summary>Gateway events: READY tells the bot who it is; a message that mentions it, or a DM, is answered like /ask
/// as a reply; INTERACTION_CREATE is answered through the interaction callback endpoint. Bots (itself included) and
/// webhooks are ignored.</summary>
internal sealed partial class DiscordEvents(ChatRouter router, DiscordInteractions interactions, DiscordRestClient rest, ILogger<DiscordEvents> logger)
    : IDiscordEventHandler
{
    /// <summary>How long a message may wait for READY (events are handled concurrently, so a message can overtake it).</summary>
    private static readonly TimeSpan ReadyWait = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource<string> _self = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task HandleDispatchAsync(string eventName, JsonElement data, CancellationToken cancellationToken) => eventName switch
    {
        "READY" => Ready(data),
        "MESSAGE_CREATE" => MessageAsync(data, cancellationToken),
        "INTERACTION_CREATE" => InteractionAsync(data, cancellationToken),
        _ => Task.CompletedTask,
    };

    private Task Ready(JsonElement data)
    {
        if (data.TryGetProperty("user", out var user) && DiscordJson.Str(user, "id") is { } id)
        {
            _self.TrySetResult(id);
        }

        return Task.CompletedTask;
    }

    private async Task MessageAsync(JsonElement message, CancellationToken cancellationToken)
    {
        string self;
        try
        {
            self = await _self.Task.WaitAsync(ReadyWait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogNotReady(logger);
            return;
        }

        if (Question(message, self) is not { } question)
        {
            return;
        }

        var channel = DiscordJson.Str(message, "channel_id");
        var id = DiscordJson.Str(message, "id");
        if (channel is null || id is null)
        {
            return;
        }

        var author = message.TryGetProperty("author", out var a) ? DiscordJson.Str(a, "id") : null;
        var context = ChatContext.For(ChatContext.Discord, author, channel, id);
        using var scope = ChatScope.Begin(logger, context);
        ChatReply reply;
        try
        {
            var request = question.Length == 0 ? new HelpRequest(ChatRouter.Invalid("")!) : (ChatRequest)new AskRequest(question);
            reply = await router.HandleAsync(request, context, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // One error path for chat: a short reply and a log line.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex);
            reply = ChatReply.Note("Sorry, something went wrong while answering that. Please try again.");
        }

        var payload = DiscordRenderer.Render(reply with { Ephemeral = false });
        payload["message_reference"] = new JsonObject { ["message_id"] = id, ["channel_id"] = channel, ["fail_if_not_exists"] = false };
        await rest.CreateMessageAsync(channel, payload, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The question in a message addressed to the bot (mention markup removed), or null when the message is
    /// not for the bot: sent by a bot or webhook, or a guild message that does not mention it.</summary>
    internal static string? Question(JsonElement message, string selfId)
    {
        if (!message.TryGetProperty("author", out var author) || DiscordJson.Str(author, "id") == selfId
            || (author.TryGetProperty("bot", out var bot) && bot.ValueKind == JsonValueKind.True)
            || DiscordJson.Str(message, "webhook_id") is not null)
        {
            return null;
        }

        var isDm = DiscordJson.Str(message, "guild_id") is null;
        var mentioned = message.TryGetProperty("mentions", out var mentions) && mentions.ValueKind == JsonValueKind.Array
            && mentions.EnumerateArray().Any(m => DiscordJson.Str(m, "id") == selfId);
        if (!isDm && !mentioned)
        {
            return null;
        }

        var content = DiscordJson.Str(message, "content") ?? "";
        return Regex.Replace(content, $"<@!?{Regex.Escape(selfId)}>", " ").Trim();
    }

    private async Task InteractionAsync(JsonElement interaction, CancellationToken cancellationToken)
    {
        using var scope = ChatScope.Begin(logger, DiscordInteractions.ContextOf(interaction));
        var outcome = await interactions.RespondAsync(interaction, cancellationToken).ConfigureAwait(false);
        var id = DiscordJson.Str(interaction, "id");
        var token = DiscordJson.Str(interaction, "token");
        if (id is null || token is null)
        {
            return;
        }

        await rest.CreateInteractionResponseAsync(id, token, outcome.Response, cancellationToken).ConfigureAwait(false);
        if (outcome.FollowUp is { } followUp)
        {
            await followUp(cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message arrived before READY told the bot who it is; it was not answered")]
    private static partial void LogNotReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering a message failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
