using System.CommandLine;
using InterviewBot.Chat.Hosting;

namespace InterviewBot.Cli.Commands;

/// <summary><c>health [--url URL] [--ready]</c>: asks a running <c>serve</c> whether it is live (or ready) and exits 0
/// when it is, 1 when not: for container health checks, where no curl is installed.</summary>
internal static class HealthCommand
{
    public static Command Create(TextWriter stdout)
    {
        var url = new Option<string>("--url") { Description = $"The host's base URL (default {BotHost.DefaultUrl}).", DefaultValueFactory = _ => BotHost.DefaultUrl };
        var ready = new Option<bool>("--ready") { Description = "Ask /readyz (corpus, store, platform connections) instead of /healthz." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for an answer (default 5).", DefaultValueFactory = _ => 5 };
        var command = new Command("health", "Check a running serve: exit 0 when live (or ready with --ready).") { url, ready, timeout };
        command.SetAction(async (parse, ct) =>
        {
            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
            {
                throw new CliException($"--url must be an http(s) URL, got '{parse.GetValue(url)}'");
            }

            var path = parse.GetValue(ready) ? "readyz" : "healthz";
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(timeout), 1, 300)) };
            try
            {
                using var response = await http.GetAsync(new Uri(baseUri, path), ct).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                await stdout.WriteLineAsync($"{(int)response.StatusCode} {body}").ConfigureAwait(false);
                return response.IsSuccessStatusCode ? 0 : CliApp.Failure;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                throw new CliException($"no answer from {new Uri(baseUri, path)}: {e.Message}", CliApp.Failure);
            }
        });
        return command;
    }
}
