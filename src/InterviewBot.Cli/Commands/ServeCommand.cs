using System.CommandLine;
using InterviewBot.Chat.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InterviewBot.Cli.Commands;

/// <summary><c>serve [--urls]</c>: the web host with every chat platform the configuration turns on.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen (default {BotHost.DefaultUrl}, or ASPNETCORE_URLS)." };
        var command = new Command("serve", "Run the bot: Discord and Slack endpoints and connections, as configured.") { urls };
        CorpusSource.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var args = new List<string>();
            if (parse.GetValue(urls) is { Length: > 0 } u)
            {
                args.Add($"--urls={u}");
            }

            var corpus = parse.GetValue(CorpusSource.CorpusOption) ?? [];
            args.AddRange(corpus.Select((path, i) => $"--Corpus:Directories:{i}={Path.GetFullPath(path)}"));
            if (parse.GetValue(CorpusSource.NoCacheOption))
            {
                args.Add("--Index:CacheDirectory=none");
            }

            try
            {
                await using var app = BotHost.Build([.. args]);
                await app.StartAsync(ct).ConfigureAwait(false);
                await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException)
            {
                throw new CliException(ex.Message, CliApp.Failure);
            }

            return Environment.ExitCode;
        });
        return command;
    }
}
