using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using InterviewBot.Chat.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Chat.Hosting;

/// <summary>What <see cref="ChatLoadRun"/> does: how many clients, how many signed requests per phase (after the
/// warm-up), over which corpus, and how long to wait for Slack answers once every command has been acked.</summary>
public sealed record ChatLoadSettings
{
    public int Concurrency { get; init; } = 200;

    public int Requests { get; init; } = 4000;

    public string Corpus { get; init; } = "seeds";

    public int Warmup { get; init; } = 50;

    public TimeSpan DeliveryTimeout { get; init; } = TimeSpan.FromSeconds(60);
}

/// <summary>One measured phase: requests sent, failures, completions per second of wall time and latency (ms,
/// nearest-rank percentiles over the successful requests).</summary>
public sealed record ChatLoadPhase(string Name, int Requests, int Errors, double Throughput, double P50Ms, double P99Ms, double MaxMs);

/// <summary>The result of a <see cref="ChatLoadRun"/>: Discord interactions, Slack acks and Slack answers delivered.</summary>
/// <param name="DiscordDeferred">Interactions answered with type 5 (the answer took longer than Discord:DeferAfter).</param>
/// <param name="DiscordEdits">Edits of deferred replies the fake Discord API received.</param>
/// <param name="SlackMissing">Slash commands whose answer never reached the response_url in time.</param>
public sealed record ChatLoadReport(ChatLoadSettings Settings, ChatLoadPhase Discord, ChatLoadPhase SlackAck, ChatLoadPhase SlackDelivery,
    int DiscordDeferred, int DiscordEdits, int SlackMissing)
{
    public int Errors => Discord.Errors + SlackAck.Errors + SlackDelivery.Errors;

    public string ToMarkdown()
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine("| phase | requests | errors | throughput (req/s) | p50 (ms) | p99 (ms) | max (ms) |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var p in new[] { Discord, SlackAck, SlackDelivery })
        {
            md.AppendLine(string.Create(inv, $"| {p.Name} | {p.Requests:N0} | {p.Errors:N0} | {p.Throughput:N0} | {p.P50Ms:0.0} | {p.P99Ms:0.0} | {p.MaxMs:0.0} |"));
        }

        md.AppendLine();
        md.AppendLine(string.Create(inv,
            $"{Settings.Concurrency} concurrent clients, {Settings.Requests:N0} signed /ask requests per phase after {Settings.Warmup} warm-up; "
            + $"Discord: {DiscordDeferred:N0} deferred (type 5), {DiscordEdits:N0} deferred replies edited; Slack: {SlackMissing:N0} answers missing. "
            + $"Host, fake Slack/Discord API and client share one process on loopback: {Environment.ProcessorCount} cores, "
            + $"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}."));
        return md.ToString();
    }
}

/// <summary>A fake Slack Web API and response_url (and Discord webhook API) on 127.0.0.1: answers every call and
/// records when each slash command's answer arrived (<c>POST /slack/response/{id}</c>).</summary>
internal sealed class ChatLoadSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long[] _arrivals = [];
    private int _delivered, _failed, _discordEdits;

    private ChatLoadSink(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public int Delivered => Volatile.Read(ref _delivered);

    /// <summary>Answers that were the bot's error message rather than an answer.</summary>
    public int Failed => Volatile.Read(ref _failed);

    public int DiscordEdits => Volatile.Read(ref _discordEdits);

    /// <summary>The first answer received, for a glance at what was delivered.</summary>
    public string? Sample { get; private set; }

    /// <summary><see cref="Stopwatch.GetTimestamp"/> when answer <paramref name="id"/> arrived, 0 when it did not.</summary>
    public long Arrival(int id) => Volatile.Read(ref _arrivals[id]);

    public string ResponseUrl(int id) => string.Create(CultureInfo.InvariantCulture, $"{BaseUrl}/slack/response/{id}");

    /// <summary>Starts recording answers 0 … <paramref name="count"/> − 1 afresh.</summary>
    public void Expect(int count)
    {
        _arrivals = new long[count];
        Volatile.Write(ref _delivered, 0);
        Volatile.Write(ref _failed, 0);
    }

    public static async Task<ChatLoadSink> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new ChatLoadSink(app);
        app.MapPost("/slack/api/{method}", () => Ok());
        app.MapPost("/slack/response/{id:int}", async (int id, HttpRequest request) =>
        {
            var arrived = Stopwatch.GetTimestamp();
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            sink.Sample ??= body;
            sink.Record(id, arrived, body.Contains(SlackHandlers.Failure, StringComparison.Ordinal));
            return Ok();
        });
        app.Map("/discord/{**path}", () =>
        {
            Interlocked.Increment(ref sink._discordEdits);
            return Results.Text("""{"id":"1"}""", "application/json");
        });
        await app.StartAsync(ct).ConfigureAwait(false);
        sink.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return sink;
    }

    /// <summary>Waits until <paramref name="count"/> answers have arrived or <paramref name="timeout"/> has passed.</summary>
    public async Task WaitForAsync(int count, TimeSpan timeout, Func<int> arrived, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (arrived() < count && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(10, ct).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static IResult Ok() => Results.Text("""{"ok":true}""", "application/json");

    private void Record(int id, long arrived, bool failed)
    {
        var arrivals = _arrivals;
        if ((uint)id < (uint)arrivals.Length && Interlocked.CompareExchange(ref arrivals[id], arrived, 0) == 0)
        {
            if (failed)
            {
                Interlocked.Increment(ref _failed);
            }

            Interlocked.Increment(ref _delivered);
        }
    }
}
