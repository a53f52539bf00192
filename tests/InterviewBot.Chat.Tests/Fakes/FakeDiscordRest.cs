using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Chat.Tests.Fakes;

/// <summary>
/// A fake Discord REST API v10, written from Discord's documented protocol, listening on <c>http://127.0.0.1:{free port}</c>.
/// Point <c>DiscordOptions.ApiBaseUrl</c> at <see cref="BaseUrl"/> and <c>BotToken</c>/<c>ApplicationId</c> at
/// <see cref="BotToken"/>/<see cref="ApplicationId"/>.
/// <para>Routes (relative to <see cref="BaseUrl"/>): <c>POST channels/{id}/messages</c> (200 + message with a new
/// snowflake id); <c>POST interactions/{id}/{token}/callback</c> (204; a second callback for one token gives 400 code
/// 40060); <c>PATCH</c>/<c>GET webhooks/{app}/{token}/messages/@original</c> (200 + the original response, see
/// <see cref="OriginalResponse"/>); <c>POST webhooks/{app}/{token}</c> (follow-up, 200 + message);
/// <c>PUT</c>/<c>GET applications/{app}/commands</c> and <c>applications/{app}/guilds/{guild}/commands</c> (bulk
/// overwrite: 200 + the array with ids, kept per name so repeated PUTs are idempotent, see <see cref="Commands"/>);
/// <c>GET gateway/bot</c> (200 + <see cref="GatewayUrl"/>); <c>GET users/@me</c> (the bot user, id <see cref="BotUserId"/>);
/// <c>GET channels/{id}/messages</c> (the channel's messages, see FakeDiscordRest.Channels.cs). A channel post with
/// <c>nonce</c> and <c>enforce_nonce: true</c> returns the channel's earlier message with that nonce instead of creating
/// one. Anything else: 404 <c>{"message":"404: Not Found","code":0}</c>.</para>
/// <para>Checks, like Discord: a <c>User-Agent</c> starting <c>DiscordBot (</c> on every request (else 403); on bot
/// routes (all but interaction callbacks and <c>webhooks/{id}/{token}</c>) <c>Authorization: Bot {BotToken}</c>
/// (else 401); a JSON <c>Content-Type</c> on bodies (else 400 code 50035); a wrong application id gives 404.</para>
/// <para>Every request is recorded before any check (<see cref="Requests"/>, <see cref="WaitForAsync"/>) with its
/// method, path relative to the base URL, headers, body and arrival time. Successful responses carry
/// <c>X-RateLimit-*</c> headers that never run out unless scripted with <see cref="ExhaustBucketNext"/>;
/// <see cref="FailNext"/> makes the next requests on a route answer 429, 5xx, a Discord error or nothing at all
/// (<see cref="FakeFailure.Timeout"/>) instead; <see cref="LoseResponseNext"/> carries the request out and then answers
/// with the failure (a post that landed but whose response was lost).</para>
/// </summary>
public sealed partial class FakeDiscordRest : IAsyncDisposable
{
    public const string DefaultBotToken = "fake-bot-token";
    public const string DefaultApplicationId = "100000000000000001";

    private readonly WebApplication _app;
    private readonly Lock _sync = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(Func<RecordedRequest, bool> Match, TaskCompletionSource<RecordedRequest> Done)> _waiters = [];
    private readonly List<Script> _scripts = [];
    private readonly Dictionary<string, JsonArray> _commands = [];
    private readonly Dictionary<string, JsonObject> _originals = [];
    private readonly HashSet<string> _acknowledged = [];
    private long _lastId = 1_300_000_000_000_000_000;

    private FakeDiscordRest(WebApplication app, string botToken, string applicationId) =>
        (_app, BotToken, ApplicationId) = (app, botToken, applicationId);

    /// <summary>e.g. <c>http://127.0.0.1:41234/api/v10</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public string BotToken { get; }

    public string ApplicationId { get; }

    /// <summary>What <c>GET gateway/bot</c> answers as <c>url</c>.</summary>
    public string GatewayUrl { get; set; } = "wss://gateway.discord.gg";

    /// <summary>A snapshot of every request so far, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_sync)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeDiscordRest> StartAsync(string botToken = DefaultBotToken, string applicationId = DefaultApplicationId)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeDiscordRest(app, botToken, applicationId);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = address.TrimEnd('/') + "/api/v10";
        return fake;
    }

    /// <summary>The next <paramref name="count"/> requests whose method is <paramref name="method"/> and whose path
    /// (relative, e.g. <c>channels/1/messages</c>) starts with <paramref name="pathPrefix"/> get <paramref name="failure"/>.</summary>
    public void FailNext(string method, string pathPrefix, int count, FakeFailure failure) =>
        AddScript(new Script(method, pathPrefix.Trim('/'), count, failure, 0));

    /// <summary>Like <see cref="FailNext"/>, but each request is carried out first (a post is created, a nonce
    /// remembered) and only its response is replaced by <paramref name="failure"/>.</summary>
    public void LoseResponseNext(string method, string pathPrefix, int count, FakeFailure failure) =>
        AddScript(new Script(method, pathPrefix.Trim('/'), count, failure, 0) { AfterAnswer = true });

    /// <summary>The next successful response on the route says <c>X-RateLimit-Remaining: 0</c> and
    /// <c>X-RateLimit-Reset-After: {resetAfterSeconds}</c>.</summary>
    public void ExhaustBucketNext(string method, string pathPrefix, double resetAfterSeconds) =>
        AddScript(new Script(method, pathPrefix.Trim('/'), 1, null, resetAfterSeconds));

    /// <summary>The first request (already received or yet to come) that matches; a <see cref="TimeoutException"/>
    /// listing what did arrive otherwise.</summary>
    public async Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> match, TimeSpan timeout)
    {
        var done = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_sync)
        {
            if (_requests.FirstOrDefault(match) is { } seen)
            {
                return seen;
            }

            _waiters.Add((match, done));
        }

        try
        {
            return await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            var seen = string.Join(", ", Requests.Select(r => r.Method + " " + r.Path));
            throw new TimeoutException($"No matching Discord request within {timeout}; received: [{seen}]");
        }
        finally
        {
            lock (_sync)
            {
                _waiters.RemoveAll(w => w.Done == done);
            }
        }
    }

    /// <summary>The interaction's original response as last set by a callback (types 4, 5, 6, 7) or an edit, else null.</summary>
    public JsonObject? OriginalResponse(string interactionToken)
    {
        lock (_sync)
        {
            return _originals.TryGetValue(interactionToken, out var m) ? (JsonObject)m.DeepClone() : null;
        }
    }

    /// <summary>The registered commands of one scope: global when <paramref name="guildId"/> is null.</summary>
    public JsonArray Commands(string? guildId = null)
    {
        lock (_sync)
        {
            return _commands.TryGetValue(guildId ?? "", out var list) ? (JsonArray)list.DeepClone() : [];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var (request, response) = (context.Request, context.Response);
        var body = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted);
        var path = (request.Path.Value ?? "").Trim('/');
        path = path.StartsWith("api/v10/", StringComparison.Ordinal) ? path["api/v10/".Length..] : "/" + path;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(request.Method, path, request.QueryString.Value ?? "", headers, body, _clock.Elapsed);
        Record(recorded);

        var segments = path.Split('/');
        var botRoute = !(segments[0] == "interactions" || (segments[0] == "webhooks" && segments.Length > 2));
        var (status, json) = (recorded.Header("User-Agent"), recorded.Header("Authorization"), recorded.Header("Content-Type")) switch
        {
            (var ua, _, _) when ua is null || !ua.StartsWith("DiscordBot (", StringComparison.Ordinal) => Error(403, 0, "User-Agent must be 'DiscordBot ($url, $version)'"),
            (_, var auth, _) when botRoute && auth != "Bot " + BotToken => Error(401, 0, "401: Unauthorized"),
            (_, _, var type) when body.Length > 0 && type?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true => Error(400, 50035, "Invalid Form Body"),
            _ => (0, null),
        };
        if (status == 0 && Take(recorded, ScriptKind.Fail) is { Failure: { } failure })
        {
            await WriteFailureAsync(context, failure, Bucket(request.Method, segments));
            return;
        }

        if (status == 0)
        {
            var exhaust = Take(recorded, ScriptKind.Exhaust);
            RateLimitHeaders(response, Bucket(request.Method, segments), exhaust is null ? 4 : 0, exhaust?.ResetAfter ?? 1.0);
            (status, json) = Answer(request.Method, segments, body, request.Query);
            if (Take(recorded, ScriptKind.Lose) is { Failure: { } lost })
            {
                response.Headers.Clear();
                await WriteFailureAsync(context, lost, Bucket(request.Method, segments));
                return;
            }
        }

        response.StatusCode = status;
        if (json is not null)
        {
            response.ContentType = "application/json";
            await response.WriteAsync(json.ToJsonString());
        }
    }

    private (int Status, JsonNode? Json) Answer(string method, string[] segments, string body, IQueryCollection query)
    {
        JsonNode? input;
        try
        {
            input = body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return Error(400, 50109, "The request body contains invalid JSON.");
        }

        lock (_sync)
        {
            return (method, segments) switch
            {
                ("POST", ["channels", var channel, "messages"]) => CreateChannelMessage(channel, input as JsonObject),
                ("GET", ["channels", var channel, "messages"]) => ListChannelMessages(channel, query),
                ("GET", ["users", "@me"]) => (200, new JsonObject { ["id"] = BotUserId, ["username"] = "InterviewBot", ["bot"] = true }),
                ("POST", ["interactions", _, var token, "callback"]) => Callback(token, input as JsonObject),
                (_, ["webhooks", var app, ..]) when app != ApplicationId => Error(404, 10015, "Unknown Webhook"),
                ("PATCH", ["webhooks", _, var token, "messages", "@original"]) => (200, EditOriginal(token, input as JsonObject)),
                ("GET", ["webhooks", _, var token, "messages", "@original"]) => _originals.TryGetValue(token, out var original)
                    ? (200, original.DeepClone())
                    : Error(404, 10008, "Unknown Message"),
                ("POST", ["webhooks", _, _]) => (200, Message(input as JsonObject, "0")),
                (_, ["applications", var app, ..]) when app != ApplicationId => Error(404, 10002, "Unknown Application"),
                ("PUT", ["applications", _, "commands"]) => Overwrite("", input),
                ("PUT", ["applications", _, "guilds", var guild, "commands"]) => Overwrite(guild, input),
                ("GET", ["applications", _, "commands"]) => (200, Commands()),
                ("GET", ["applications", _, "guilds", var guild, "commands"]) => (200, Commands(guild)),
                ("GET", ["gateway", "bot"]) => (200, new JsonObject
                {
                    ["url"] = GatewayUrl,
                    ["shards"] = 1,
                    ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = 999, ["reset_after"] = 14_400_000, ["max_concurrency"] = 1 },
                }),
                _ => Error(404, 0, "404: Not Found"),
            };
        }
    }

    private (int, JsonNode?) Callback(string token, JsonObject? callback)
    {
        if (!_acknowledged.Add(token))
        {
            return Error(400, 40060, "Interaction has already been acknowledged.");
        }

        var type = callback?["type"]?.GetValue<int>();
        if (type is 4 or 5 or 6 or 7)
        {
            _originals[token] = Message(callback?["data"] as JsonObject, "0");
        }

        return (204, null);
    }

    private JsonObject EditOriginal(string token, JsonObject? edit)
    {
        var original = _originals.TryGetValue(token, out var m) ? m : Message(null, "0");
        foreach (var (name, value) in edit ?? [])
        {
            original[name] = value?.DeepClone();
        }

        original["edited_timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        _originals[token] = original;
        return (JsonObject)original.DeepClone();
    }

    private (int, JsonNode?) Overwrite(string scope, JsonNode? input)
    {
        if (input is not JsonArray commands || commands.Any(c => c is not JsonObject { } o || o["name"] is null))
        {
            return Error(400, 50035, "Invalid Form Body");
        }

        var previous = _commands.TryGetValue(scope, out var list) ? list.OfType<JsonObject>().ToList() : [];
        var stored = new JsonArray();
        foreach (var command in commands.Cast<JsonObject>())
        {
            var copy = (JsonObject)command.DeepClone();
            var type = (int?)copy["type"] ?? 1;
            var old = previous.FirstOrDefault(p => (string?)p["name"] == (string?)copy["name"] && ((int?)p["type"] ?? 1) == type);
            copy["id"] = (string?)old?["id"] ?? NextId();
            copy["type"] = type;
            copy["application_id"] = ApplicationId;
            copy["version"] = NextId();
            if (scope.Length > 0)
            {
                copy["guild_id"] = scope;
            }

            stored.Add(copy);
        }

        _commands[scope] = stored;
        return (200, stored.DeepClone());
    }

    private JsonObject Message(JsonObject? data, string channelId)
    {
        var message = (JsonObject?)data?.DeepClone() ?? [];
        message.Remove("allowed_mentions");
        message["id"] = NextId();
        message["channel_id"] = channelId;
        message["type"] = 0;
        message["content"] ??= "";
        message["embeds"] ??= new JsonArray();
        message["components"] ??= new JsonArray();
        message["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        message["author"] = new JsonObject { ["id"] = ApplicationId, ["username"] = "InterviewBot", ["bot"] = true };
        return message;
    }

    /// <summary>A new snowflake: from the current time (as Discord's are), and always above the last one.</summary>
    private string NextId()
    {
        var now = (long)SnowflakeAt(DateTimeOffset.UtcNow);
        long seen, next;
        do
        {
            seen = Interlocked.Read(ref _lastId);
            next = Math.Max(seen + 1, now);
        }
        while (Interlocked.CompareExchange(ref _lastId, next, seen) != seen);
        return next.ToString(CultureInfo.InvariantCulture);
    }

    private void Record(RecordedRequest request)
    {
        lock (_sync)
        {
            _requests.Add(request);
            foreach (var (match, done) in _waiters.Where(w => w.Match(request)))
            {
                done.TrySetResult(request);
            }
        }
    }

    private void AddScript(Script script)
    {
        lock (_sync)
        {
            _scripts.Add(script);
        }
    }

    private Script? Take(RecordedRequest request, ScriptKind kind)
    {
        lock (_sync)
        {
            var script = _scripts.FirstOrDefault(s => s.Kind == kind
                && string.Equals(s.Method, request.Method, StringComparison.OrdinalIgnoreCase)
                && request.Path.StartsWith(s.PathPrefix, StringComparison.Ordinal));
            if (script is not null && --script.Count <= 0)
            {
                _scripts.Remove(script);
            }

            return script;
        }
    }

    private async Task WriteFailureAsync(HttpContext context, FakeFailure failure, string bucket)
    {
        var response = context.Response;
        if (failure.Hang)
        {
            // Accept and never answer: the client's timeout (or the fake stopping) ends the request.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _app.Lifetime.ApplicationStopping);
            await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        if (failure.Status == 429)
        {
            response.Headers.RetryAfter = Math.Ceiling(failure.RetryAfter).ToString(CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Scope"] = failure.Global ? "global" : "user";
            if (failure.Global)
            {
                response.Headers["X-RateLimit-Global"] = "true";
            }
            else if (failure.BucketHeaders)
            {
                RateLimitHeaders(response, bucket, 0, failure.RetryAfter);
            }
        }

        response.StatusCode = failure.Status;
        response.ContentType = failure.ContentType;
        await response.WriteAsync(failure.Body);
    }

    private static void RateLimitHeaders(HttpResponse response, string bucket, int remaining, double resetAfter)
    {
        var reset = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0 + resetAfter;
        response.Headers["X-RateLimit-Limit"] = "5";
        response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset"] = reset.ToString("F3", CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset-After"] = resetAfter.ToString("F3", CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Bucket"] = bucket;
    }

    /// <summary>A stable bucket id per method and route shape (ids and tokens left out), like Discord's opaque hashes.</summary>
    private static string Bucket(string method, string[] segments)
    {
        var tokenRoute = segments[0] is "webhooks" or "interactions";
        var shape = segments.Select((s, i) => (tokenRoute && i is 1 or 2) || s.All(char.IsAsciiDigit) ? "*" : s);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(method + " " + string.Join('/', shape))))[..16];
    }

    private static (int, JsonNode?) Error(int status, int code, string message) =>
        (status, new JsonObject { ["message"] = message, ["code"] = code });

    private sealed class Script(string method, string pathPrefix, int count, FakeFailure? failure, double resetAfter)
    {
        public string Method { get; } = method;
        public string PathPrefix { get; } = pathPrefix;
        public int Count { get; set; } = count;
        public FakeFailure? Failure { get; } = failure;
        public double ResetAfter { get; } = resetAfter;
        public bool AfterAnswer { get; init; }
        public ScriptKind Kind => Failure is null ? ScriptKind.Exhaust : AfterAnswer ? ScriptKind.Lose : ScriptKind.Fail;
    }

    private enum ScriptKind
    {
        Fail,
        Exhaust,
        Lose,
    }
}

/// <summary>One request the fake received. <see cref="Path"/> is relative to <see cref="FakeDiscordRest.BaseUrl"/>
/// without slashes at either end or the query (e.g. <c>channels/1/messages</c>); <see cref="At"/> is the arrival time
/// on a monotonic clock started with the fake.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, TimeSpan At)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);
}

/// <summary>A scripted failure for <see cref="FakeDiscordRest.FailNext"/>.</summary>
public sealed record FakeFailure(int Status, string Body, string ContentType, double RetryAfter = 0, bool Global = false)
{
    /// <summary>Whether a non-global 429 also sends the bucket's <c>X-RateLimit-*</c> headers (0 remaining, reset after
    /// <see cref="RetryAfter"/>); turn off (<c>with { BucketHeaders = false }</c>) to leave only the body and <c>Retry-After</c>.</summary>
    public bool BucketHeaders { get; init; } = true;

    /// <summary>Never answer (see <see cref="Timeout"/>).</summary>
    public bool Hang { get; init; }

    /// <summary>429 with Discord's body <c>{message, retry_after, global}</c>, <c>Retry-After</c> (whole seconds,
    /// rounded up) and, when global, <c>X-RateLimit-Global: true</c>; otherwise the bucket's headers with 0 remaining.</summary>
    public static FakeFailure RateLimited(double retryAfterSeconds, bool global = false) => new(
        429,
        new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = retryAfterSeconds, ["global"] = global }.ToJsonString(),
        "application/json",
        retryAfterSeconds,
        global);

    /// <summary>A 5xx: Discord's JSON for 500, a proxy's HTML page for the others (502, 503, 504).</summary>
    public static FakeFailure ServerError(int status = 500) => status == 500
        ? Error(500, 0, "500: Internal Server Error")
        : new(status, $"<html><body>{status} error</body></html>", "text/html");

    /// <summary>No answer at all: the fake accepts the request and holds it until the client gives up (its
    /// <see cref="HttpClient.Timeout"/>) or the fake stops. The client sees a timeout.</summary>
    public static FakeFailure Timeout() => new(0, "", "text/plain") { Hang = true };

    /// <summary>Discord's error JSON <c>{message, code}</c>, e.g. <c>Error(404, 10015, "Unknown Webhook")</c>.</summary>
    public static FakeFailure Error(int status, int code, string message) =>
        new(status, new JsonObject { ["message"] = message, ["code"] = code }.ToJsonString(), "application/json");
}
