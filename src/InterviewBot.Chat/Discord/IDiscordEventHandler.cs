using System.Text.Json;

namespace InterviewBot.Chat.Discord;

/// <summary>Receives the gateway's dispatch events (op 0), e.g. READY, MESSAGE_CREATE, INTERACTION_CREATE.</summary>
public interface IDiscordEventHandler
{
    Task HandleDispatchAsync(string eventName, JsonElement data, CancellationToken cancellationToken);
}
