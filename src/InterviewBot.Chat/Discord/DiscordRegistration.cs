using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Discord;

/// <summary><c>interviewbot discord register</c>: a bulk overwrite of the command definitions, in one guild
/// (applies at once; for development) or globally. Running it twice changes nothing.</summary>
public static class DiscordRegistration
{
    /// <summary>Registers the commands and returns their names as Discord stored them.</summary>
    public static async Task<IReadOnlyList<string>> RegisterAsync(DiscordOptions options, string? guildId, HttpClient http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            throw new ArgumentException("Discord:BotToken is not set (environment variable Discord__BotToken)");
        }

        if (string.IsNullOrWhiteSpace(options.ApplicationId) || !options.ApplicationId.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Discord:ApplicationId is not set to a numeric id (environment variable Discord__ApplicationId)");
        }

        if (guildId is not null && (guildId.Length == 0 || !guildId.All(char.IsAsciiDigit)))
        {
            throw new ArgumentException($"--guild must be a numeric guild id, got '{guildId}'");
        }

        var client = new DiscordRestClient(http, Options.Create(options), TimeProvider.System, NullLogger<DiscordRestClient>.Instance);
        var registered = await client.BulkOverwriteCommandsAsync(guildId, DiscordCommands.Definitions(), cancellationToken).ConfigureAwait(false);
        return registered.EnumerateArray().Select(c => DiscordJson.Str(c, "name") ?? "?").ToList();
    }
}
