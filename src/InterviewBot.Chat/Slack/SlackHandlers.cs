using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewBot.Chat.Commands;
using InterviewBot.Chat.Operations;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Chat.Slack;

/// <summary>What the bot does with Slack's slash commands, events and button clicks, after they have been acked;
/// the same for the HTTP endpoints and Socket Mode. Translate to a <see cref="ChatRequest"/>, ask the router, render,
/// deliver. Errors become one short ephemeral reply (where there is somewhere to send it) and a log line.</summary>
internal sealed partial class SlackHandlers(
    ChatRouter router, SlackWebApi api, SlackBotUser botUser, SlackEventDeduper dedupe, Qotd.SlackQotdManagers managers, ILogger<SlackHandlers> logger)
{
    public const string Failure = "Sorry, something went wrong while answering. Please try again in a moment.";

    public async Task CommandAsync(SlackCommand command, CancellationToken ct)
    {
        var context = ChatContext.For(ChatContext.Slack, command.UserId, command.ChannelId, command.TriggerId);
        using var scope = ChatScope.Begin(logger, context);
        var request = SlackCommands.ToRequest(command.Command, command.Text);
        if (request is QotdRequest qotd)
        {
            request = await WithAskerAsync(qotd, command, ct).ConfigureAwait(false);
        }

        var reply = await AnswerAsync(request, context, ct).ConfigureAwait(false);
        var message = SlackRenderer.Render(reply);
        message["response_type"] = reply.Ephemeral ? "ephemeral" : "in_channel";
        await api.RespondAsync(command.ResponseUrl, message, ct).ConfigureAwait(false);
    }

    /// <summary>Where and by whom <c>/qotd</c> was asked; whether the asker may manage is only looked up (a
    /// <c>users.info</c> call) for the actions that need it.</summary>
    private async Task<QotdRequest> WithAskerAsync(QotdRequest qotd, SlackCommand command, CancellationToken ct)
    {
        var manages = qotd.Action is QotdAction.Subscribe or QotdAction.Unsubscribe or QotdAction.Skip;
        return qotd with
        {
            Channel = command.ChannelId is { Length: > 0 } channel ? new Store.ChannelRef(Store.ChannelRef.Slack, channel) : null,
            UserId = command.UserId,
            CanManage = manages && command.UserId is { Length: > 0 } user && await managers.MayManageAsync(user, ct).ConfigureAwait(false),
        };
    }

    /// <summary>An <c>event_callback</c>: a mention or a DM gets a thread reply; repeats, bots, the bot itself and
    /// message subtypes (edits, joins, …) are ignored.</summary>
    public async Task EventAsync(JsonElement callback, CancellationToken ct)
    {
        if (SlackJson.Str(callback, "type") != "event_callback" || SlackJson.Get(callback, "event") is not { ValueKind: JsonValueKind.Object } ev)
        {
            return;
        }

        var context = ChatContext.For(ChatContext.Slack, SlackJson.Str(ev, "user"), SlackJson.Str(ev, "channel"), SlackJson.Str(callback, "event_id"));
        using var scope = ChatScope.Begin(logger, context);
        if (SlackJson.Str(callback, "event_id") is { } eventId && !dedupe.FirstTime(eventId))
        {
            LogDuplicate(logger, eventId);
            return;
        }

        var type = SlackJson.Str(ev, "type");
        var isMention = type == "app_mention";
        if (!(isMention || (type == "message" && SlackJson.Str(ev, "channel_type") == "im"))
            || SlackJson.Get(ev, "bot_id") is not null || SlackJson.Get(ev, "subtype") is not null
            || SlackJson.Str(ev, "user") is not { } user || SlackJson.Str(ev, "channel") is not { } channel)
        {
            return;
        }

        var self = await botUser.IdAsync(ct).ConfigureAwait(false)
            ?? (SlackJson.First(callback, "authorizations") is { } auth && SlackJson.IsTrue(auth, "is_bot") ? SlackJson.Str(auth, "user_id") : null);
        if (user == self)
        {
            return;
        }

        var reply = await AnswerAsync(SlackCommands.FromMessage(SlackJson.Str(ev, "text")), context, ct).ConfigureAwait(false);
        var message = SlackRenderer.Render(reply);
        var thread = SlackJson.Str(ev, "thread_ts") ?? SlackJson.Str(ev, "ts");
        if (reply.Ephemeral && isMention)
        {
            await api.PostEphemeralAsync(channel, user, message, thread, ct).ConfigureAwait(false);
        }
        else
        {
            await api.PostMessageAsync(channel, message, thread, ct).ConfigureAwait(false);
        }
    }

    /// <summary>A <c>block_actions</c> click: "More quotes" replaces the message with the next page; "Context" answers
    /// privately. Both go through the click's response_url.</summary>
    public async Task ActionsAsync(JsonElement payload, CancellationToken ct)
    {
        if (SlackJson.Str(payload, "type") != "block_actions" || SlackJson.Str(payload, "response_url") is not { } responseUrl
            || SlackJson.First(payload, "actions") is not { } action)
        {
            return;
        }

        var user = SlackJson.Get(payload, "user") is { ValueKind: JsonValueKind.Object } u ? SlackJson.Str(u, "id") : null;
        var channel = SlackJson.Get(payload, "channel") is { ValueKind: JsonValueKind.Object } c ? SlackJson.Str(c, "id")
            : SlackJson.Get(payload, "container") is { ValueKind: JsonValueKind.Object } box ? SlackJson.Str(box, "channel_id") : null;
        var context = ChatContext.For(ChatContext.Slack, user, channel, SlackJson.Str(payload, "trigger_id"));
        using var scope = ChatScope.Begin(logger, context);
        var request = SlackButtons.Parse(SlackJson.Str(action, "action_id"), SlackJson.Str(action, "value"));
        if (request is null)
        {
            LogUnknownAction(logger, SlackJson.Str(action, "action_id") ?? "(none)");
            return;
        }

        var reply = await AnswerAsync(request, context, ct).ConfigureAwait(false);
        var message = SlackRenderer.Render(reply);
        var replace = request is AskRequest && reply.Notice is null;
        message["replace_original"] = replace;
        if (!replace)
        {
            message["response_type"] = "ephemeral";
        }

        await api.RespondAsync(responseUrl, message, ct).ConfigureAwait(false);
    }

    private async Task<ChatReply> AnswerAsync(ChatRequest request, ChatContext context, CancellationToken ct)
    {
        try
        {
            return await router.HandleAsync(request, context, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogRouterFailed(logger, request.GetType().Name, e);
            return ChatReply.Note(Failure);
        }
    }

    [LoggerMessage(EventId = 3400, Level = LogLevel.Information, Message = "Slack event {EventId} was already answered; ignoring the retry")]
    private static partial void LogDuplicate(ILogger logger, string eventId);

    [LoggerMessage(EventId = 3401, Level = LogLevel.Warning, Message = "Slack click on an unknown action {ActionId}")]
    private static partial void LogUnknownAction(ILogger logger, string actionId);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Error, Message = "Answering a Slack {Request} failed")]
    private static partial void LogRouterFailed(ILogger logger, string request, Exception exception);
}
