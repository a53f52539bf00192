using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Chat.Tests.Fakes;

/// <summary>A fake Slack on 127.0.0.1, written from Slack's documented protocol: the Web API (<c>POST /api/{method}</c>
/// with Bearer tokens and JSON bodies: chat.postMessage, chat.postEphemeral, chat.update, auth.test,
/// apps.connections.open), response_url endpoints (<c>POST /response/{id}</c>) and a Socket Mode WebSocket server
/// (<c>/socket</c>). Records every request; answers can be scripted (429 with Retry-After, ok:false, 5xx, delays, no
/// answer at all with <see cref="ScriptTimeout"/>, a lost response with <see cref="LoseResponseNext"/>). Messages posted
/// with chat.postMessage are kept per channel for conversations.history, and users.info answers from
/// <see cref="Workspace"/>.</summary>
internal sealed class FakeSlack : IAsyncDisposable
{
    public const string BotUserId = "UBOT";
    public const string BotId = "BBOT";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string Body, int? RetryAfter)>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TimeSpan> _delays = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _holds = new(StringComparer.Ordinal);
    private readonly List<TaskCompletionSource<FakeSlackSocket>> _socketWaiters = [];
    private readonly List<FakeSlackSocket> _sockets = [];
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string Body, int? RetryAfter)>> _lost = new(StringComparer.Ordinal);
    private long _tsMicros;

    private FakeSlack(WebApplication app)
    {
        _app = app;
        Workspace = new FakeSlackWorkspace(this);
    }

    /// <summary>Channels with their messages, and users (see <see cref="FakeSlackWorkspace"/>).</summary>
    public FakeSlackWorkspace Workspace { get; }

    public FakeSlackRecorder Recorder { get; } = new();

    public string Root { get; private set; } = "";

    public string BaseUrl => Root + "/api";

    public string ResponseUrl(string id) => $"{Root}/response/{id}";

    public static async Task<FakeSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlack(app);
        app.UseWebSockets();
        app.MapPost("/api/{method}", fake.ApiAsync);
        app.MapPost("/response/{id}", fake.ResponseAsync);
        app.Map("/socket", fake.SocketAsync);
        await app.StartAsync();
        fake.Root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return fake;
    }

    /// <summary>The next answer to <paramref name="method"/> (or "response_url") is this one.</summary>
    public void Script(string method, int status, JsonObject body, int? retryAfterSeconds = null) =>
        _scripts.GetOrAdd(method, _ => new()).Enqueue((status, body.ToJsonString(), retryAfterSeconds));

    public void ScriptError(string method, string error) => Script(method, 200, new JsonObject { ["ok"] = false, ["error"] = error });

    public void ScriptRateLimit(string method, int retryAfterSeconds) =>
        Script(method, 429, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" }, retryAfterSeconds);

    /// <summary>The next request to <paramref name="method"/> is recorded and never answered: the client's timeout (or
    /// the fake stopping) ends it.</summary>
    public void ScriptTimeout(string method) => _scripts.GetOrAdd(method, _ => new()).Enqueue((0, "", null));

    /// <summary>The next request to <paramref name="method"/> is carried out (a chat.postMessage lands in the channel)
    /// but answered with HTTP <paramref name="status"/> and <paramref name="error"/> instead, or, with status 0, not at
    /// all (a timeout): the post landed but the response was lost.</summary>
    public void LoseResponseNext(string method, int status = 0, string error = "internal_error") =>
        _lost.GetOrAdd(method, _ => new()).Enqueue((status, new JsonObject { ["ok"] = false, ["error"] = error }.ToJsonString(), null));

    /// <summary>Every answer to <paramref name="method"/> waits this long first.</summary>
    public void Delay(string method, TimeSpan delay) => _delays[method] = delay;

    /// <summary>Requests to <paramref name="method"/> are held (neither recorded nor answered) until the returned
    /// source is completed.</summary>
    public TaskCompletionSource Hold(string method) => _holds.GetOrAdd(method, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>The next Socket Mode connection that has been sent hello (already open or still to come), in order.</summary>
    public Task<FakeSlackSocket> SocketAsync(int number, TimeSpan? timeout = null)
    {
        lock (_lock)
        {
            if (_sockets.FirstOrDefault(s => s.Number == number) is { } open)
            {
                return Task.FromResult(open);
            }

            while (_socketWaiters.Count < number)
            {
                _socketWaiters.Add(new(TaskCreationOptions.RunContinuationsAsynchronously));
            }

            return _socketWaiters[number - 1].Task.WaitAsync(timeout ?? FakeSlackRecorder.DefaultTimeout);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ApiAsync(HttpContext context, string method)
    {
        var call = await RecordAsync(context, method, null);
        if (_scripts.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted))
        {
            return await ScriptedAsync(context, scripted);
        }

        var answer = FakeSlackApi.Answer(method, call, this).ToJsonString();
        return _lost.TryGetValue(method, out var lost) && lost.TryDequeue(out var failure)
            ? await ScriptedAsync(context, failure)
            : Results.Text(answer, "application/json");
    }

    private async Task<IResult> ScriptedAsync(HttpContext context, (int Status, string Body, int? RetryAfter) scripted)
    {
        if (scripted.Status == 0)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _app.Lifetime.ApplicationStopping);
            await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.Empty;
        }

        if (scripted.RetryAfter is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return Results.Text(scripted.Body, "application/json", statusCode: scripted.Status);
    }

    /// <summary>A new message ts: the current time to the microsecond, always above the last one.</summary>
    internal string NextTs()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        long seen, next;
        do
        {
            seen = Interlocked.Read(ref _tsMicros);
            next = Math.Max(seen + 1, now);
        }
        while (Interlocked.CompareExchange(ref _tsMicros, next, seen) != seen);
        return TsOfMicros(next);
    }

    /// <summary>A ts at <paramref name="time"/> (a random microsecond within its millisecond).</summary>
    internal static string TsOf(DateTimeOffset time) => TsOfMicros(time.ToUnixTimeMilliseconds() * 1000 + Random.Shared.Next(1, 1000));

    private static string TsOfMicros(long micros) => string.Create(CultureInfo.InvariantCulture, $"{micros / 1_000_000}.{micros % 1_000_000:D6}");

    internal string SocketUrl() => Root.Replace("http://", "ws://", StringComparison.Ordinal) + "/socket?ticket=" + Guid.NewGuid().ToString("N");

    private async Task<IResult> ResponseAsync(HttpContext context, string id)
    {
        await RecordAsync(context, "response_url", id);
        return _scripts.TryGetValue("response_url", out var queue) && queue.TryDequeue(out var scripted)
            ? Results.Text(scripted.Body, "application/json", statusCode: scripted.Status)
            : Results.Text("{\"ok\":true}", "application/json");
    }

    private async Task SocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var ws = await context.WebSockets.AcceptWebSocketAsync();
        FakeSlackSocket socket;
        lock (_lock)
        {
            socket = new FakeSlackSocket(_sockets.Count + 1, ws, Recorder);
            _sockets.Add(socket);
        }

        var run = socket.RunAsync(context.RequestAborted);
        await socket.HelloAsync();
        lock (_lock)
        {
            while (_socketWaiters.Count < socket.Number)
            {
                _socketWaiters.Add(new(TaskCreationOptions.RunContinuationsAsynchronously));
            }

            _socketWaiters[socket.Number - 1].TrySetResult(socket);
        }

        await run;
    }

    private async Task<FakeSlackCall> RecordAsync(HttpContext context, string name, string? target)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        if (_delays.TryGetValue(name, out var delay))
        {
            await Task.Delay(delay);
        }

        if (_holds.TryGetValue(name, out var hold))
        {
            await hold.Task;
        }

        var call = new FakeSlackCall(Recorder.NextSeq(), name, target, context.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null,
            context.Request.ContentType, body, context.Request.QueryString.Value?.TrimStart('?') ?? "");
        Recorder.Record(call);
        return call;
    }
}
