using System.CommandLine;
using InterviewBot.Chat.Discord;
using InterviewBot.Chat.Hosting;
using Microsoft.Extensions.Configuration;

namespace InterviewBot.Cli.Commands;

/// <summary><c>discord register [--guild ID]</c>: overwrites the slash command definitions (idempotent).</summary>
internal static class DiscordCommand
{
    public static Command Create(TextWriter stdout)
    {
        var guild = new Option<string?>("--guild") { Description = "Register in this guild only (applies at once; for development). Default: global." };
        var register = new Command("register", "Create or update the /ask, /quote and /qotd commands.") { guild };
        register.SetAction(async (parse, ct) =>
        {
            var options = BotHost.LoadConfiguration().GetSection(DiscordOptions.SectionName).Get<DiscordOptions>() ?? new DiscordOptions();
            var guildId = parse.GetValue(guild);
            IReadOnlyList<string> names;
            try
            {
                using var http = new HttpClient();
                names = await DiscordRegistration.RegisterAsync(options, guildId, http, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is DiscordApiException or HttpRequestException)
            {
                throw new CliException($"Discord refused the commands: {ex.Message}", CliApp.Failure);
            }

            var list = string.Join(", ", names.Select(n => "/" + n));
            await stdout.WriteLineAsync(guildId is null ? $"Registered {list} globally." : $"Registered {list} in guild {guildId}.").ConfigureAwait(false);
            return 0;
        });

        return new Command("discord", "Discord administration.") { register };
    }
}
