using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InterviewBot.Chat.Slack;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Org.BouncyCastle.Math.EC.Rfc8032;
using Org.BouncyCastle.Security;

namespace InterviewBot.Chat.Hosting;

/// <summary>A load run (a benchmark, not a test) of the chat endpoints: the real host (<see cref="BotHost"/>) on
/// 127.0.0.1 with a fresh Ed25519 key and Slack signing secret, hit by concurrent signed <c>/ask</c> Discord
/// interactions and then Slack slash commands, whose answers a <see cref="ChatLoadSink"/> receives.</summary>
public static partial class ChatLoadRun
{
    public static async Task<ChatLoadReport> RunAsync(ChatLoadSettings settings, TextWriter progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Concurrency, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Requests, 1);
        var secretKey = new byte[Ed25519.SecretKeySize];
        Ed25519.GeneratePrivateKey(new SecureRandom(), secretKey);
        var publicKey = new byte[Ed25519.PublicKeySize];
        Ed25519.GeneratePublicKey(secretKey, 0, publicKey, 0);
        var slackSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

        await using var sink = await ChatLoadSink.StartAsync(ct).ConfigureAwait(false);
        var data = Directory.CreateTempSubdirectory("interviewbot-load-");
        // One user and channel send every request: the per-user limit would turn the run into a measure of refusals.
        // The quote-of-the-day store goes in a scratch directory, and nothing else runs beside the chat endpoints.
        var app = BotHost.Build(["--urls=http://127.0.0.1:0"], b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Corpus:Directories:0"] = settings.Corpus, ["Index:CacheDirectory"] = "none",
                ["Discord:PublicKey"] = Convert.ToHexStringLower(publicKey), ["Discord:ApplicationId"] = "1", ["Discord:BotToken"] = "",
                ["Discord:ApiBaseUrl"] = sink.BaseUrl + "/discord", ["Discord:Gateway:Enabled"] = "false",
                ["Slack:SigningSecret"] = slackSecret, ["Slack:BotToken"] = "xoxb-load", ["Slack:AppToken"] = "", ["Slack:ApiBaseUrl"] = sink.BaseUrl + "/slack/api",
                ["RateLimits:Enabled"] = "false", ["Store:DataDirectory"] = data.FullName, ["Qotd:Enabled"] = "false",
                ["Corpus:Watch"] = "false", ["Playground:Enabled"] = "false",
            });
            b.Logging.ClearProviders();
        });
        await using var host = app.ConfigureAwait(false);
        progress.WriteLine($"chat load: starting the host over {settings.Corpus}");
        await app.StartAsync(ct).ConfigureAwait(false);
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = settings.Concurrency + 16, UseProxy = false };
            using var http = new HttpClient(handler) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
            var (discord, deferred, edits) = await DiscordAsync(http, secretKey, sink, settings, progress, ct).ConfigureAwait(false);
            var (ack, delivery, missing) = await SlackAsync(http, new SlackSignature(slackSecret, TimeProvider.System), sink, settings, progress, ct).ConfigureAwait(false);
            return new ChatLoadReport(settings, discord, ack, delivery, deferred, edits, missing);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            TryDelete(data);
        }
    }

    private static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A scratch directory left behind in the temp folder is harmless.
        }
    }

    private static async Task<(ChatLoadPhase Phase, int Deferred, int Edits)> DiscordAsync(
        HttpClient http, byte[] secretKey, ChatLoadSink sink, ChatLoadSettings s, TextWriter progress, CancellationToken ct)
    {
        var deferred = 0;
        async Task<Drive> Run(int count, int workers)
        {
            var signed = Enumerable.Range(0, count).Select(i => SignInteraction(secretKey, i)).ToArray();
            deferred = 0;
            var edits = sink.DiscordEdits;
            var drive = await DriveAsync(count, workers, async (i, t) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new ByteArrayContent(signed[i].Body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Add("X-Signature-Timestamp", signed[i].Stamp);
                request.Headers.Add("X-Signature-Ed25519", signed[i].Signature);
                using var response = await http.SendAsync(request, t).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync(t).ConfigureAwait(false);
                using var doc = JsonDocument.Parse(text);
                var type = doc.RootElement.TryGetProperty("type", out var v) && v.TryGetInt32(out var n) ? n : 0;
                Interlocked.Add(ref deferred, type == 5 ? 1 : 0);
                return response.IsSuccessStatusCode && type is 4 or 5 && !text.Contains("something went wrong", StringComparison.Ordinal);
            }, ct).ConfigureAwait(false);
            await sink.WaitForAsync(edits + deferred, s.DeliveryTimeout, () => sink.DiscordEdits, ct).ConfigureAwait(false);
            return drive with { Edits = sink.DiscordEdits - edits };
        }

        progress.WriteLine($"chat load: Discord, {s.Warmup} warm-up then {s.Requests:N0} signed interactions from {s.Concurrency} clients");
        await Run(s.Warmup, Math.Min(s.Concurrency, s.Warmup)).ConfigureAwait(false);
        var measured = await Run(s.Requests, s.Concurrency).ConfigureAwait(false);
        var phase = Phase("Discord /ask interaction (HTTP response)", s.Requests, measured.Errors, measured.Seconds, measured.Ms);
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chat load: Discord {phase.Throughput:N0} req/s, p99 {phase.P99Ms:0.0} ms, {phase.Errors} errors, {deferred} deferred"));
        return (phase, deferred, measured.Edits);
    }

    private static async Task<(ChatLoadPhase Ack, ChatLoadPhase Delivery, int Missing)> SlackAsync(
        HttpClient http, SlackSignature signer, ChatLoadSink sink, ChatLoadSettings s, TextWriter progress, CancellationToken ct)
    {
        async Task<(Drive Drive, double[] Delivery, double Seconds)> Run(int count, int workers)
        {
            sink.Expect(count);
            var forms = Enumerable.Range(0, count).Select(i => Encoding.UTF8.GetBytes(SlashCommand(i, sink.ResponseUrl(i)))).ToArray();
            var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var signatures = forms.Select(f => signer.Sign(stamp, f)).ToArray();
            var drive = await DriveAsync(count, workers, async (i, t) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new ByteArrayContent(forms[i]) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
                request.Headers.Add(SlackSignature.TimestampHeader, stamp);
                request.Headers.Add(SlackSignature.SignatureHeader, signatures[i]);
                using var response = await http.SendAsync(request, t).ConfigureAwait(false);
                return response.IsSuccessStatusCode;
            }, ct).ConfigureAwait(false);
            await sink.WaitForAsync(count, s.DeliveryTimeout, () => sink.Delivered, ct).ConfigureAwait(false);
            var arrivals = Enumerable.Range(0, count).Select(sink.Arrival).ToArray();
            var delivery = arrivals.Select((a, i) => a == 0 ? double.NaN : Stopwatch.GetElapsedTime(drive.Starts[i], a).TotalMilliseconds).ToArray();
            var last = arrivals.DefaultIfEmpty(0).Max();
            return (drive, delivery, last == 0 ? 0 : Stopwatch.GetElapsedTime(drive.Start, last).TotalSeconds);
        }

        progress.WriteLine($"chat load: Slack, {s.Warmup} warm-up then {s.Requests:N0} signed slash commands from {s.Concurrency} clients");
        await Run(s.Warmup, Math.Min(s.Concurrency, s.Warmup)).ConfigureAwait(false);
        var (drive, delivery, seconds) = await Run(s.Requests, s.Concurrency).ConfigureAwait(false);
        var missing = s.Requests - sink.Delivered;
        var ack = Phase("Slack /ask slash command ack (HTTP response)", s.Requests, drive.Errors, drive.Seconds, drive.Ms);
        var answer = Phase("Slack /ask answer delivered to response_url", s.Requests, missing + sink.Failed, seconds, delivery);
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"chat load: Slack acks {ack.Throughput:N0} req/s (p99 {ack.P99Ms:0.0} ms), answers {answer.Throughput:N0}/s (p99 {answer.P99Ms:0.0} ms), {missing} missing"));
        progress.WriteLine($"chat load: a delivered answer: {sink.Sample?[..Math.Min(sink.Sample.Length, 300)]}");
        return (ack, answer, missing);
    }
}
