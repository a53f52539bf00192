using System.Net;
using System.Text.Json;
using InterviewBot.Chat.Hosting;
using InterviewBot.Chat.Library;
using InterviewBot.Chat.Operations;
using InterviewBot.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Chat.Tests.Health;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task A_host_with_its_corpus_and_store_is_live_and_ready()
    {
        using var data = new TempDir();
        await using var app = await StartAsync(data);
        using var http = Client(app);

        using var live = await http.GetAsync("/healthz");
        using var ready = await http.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ready", body.GetProperty("status").GetString());
        Assert.Equal(["corpus", "store", "platforms"], body.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task An_unreachable_store_makes_the_host_not_ready_with_the_reason_but_still_live()
    {
        using var data = new TempDir();
        var store = new BreakableStore(QotdStores.Sqlite(Path.Combine(data.Path, "q.db")));
        await using var app = await StartAsync(data, b => b.Services.AddSingleton<IQotdStore>(store));
        using var http = Client(app);

        store.Broken = true;
        using var ready = await http.GetAsync("/readyz");
        using var live = await http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("the sqlite store is unreachable: connection refused", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task A_gateway_that_is_not_connected_makes_the_host_not_ready()
    {
        using var data = new TempDir();
        await using var app = await StartAsync(data, b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:BotToken"] = "token",
            ["Discord:ApplicationId"] = "1",
            ["Discord:Gateway:Enabled"] = "true",
            ["Discord:Gateway:Url"] = "ws://127.0.0.1:1",
            ["Discord:ApiBaseUrl"] = "http://127.0.0.1:1/api/v10",
        }));
        using var http = Client(app);

        using var ready = await http.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("the Discord gateway is not connected", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_the_corpus_loads_the_host_is_live_and_answers_not_ready()
    {
        using var data = new TempDir();
        var port = FreePort();
        var probe = new StartedProbe(port);
        await using var app = BotHost.Build([$"--urls=http://127.0.0.1:{port}"], b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Corpus:Directories:0"] = RepoPaths.Seeds, ["Index:CacheDirectory"] = "none", ["Store:DataDirectory"] = data.Path,
            });
            b.Logging.ClearProviders();
            // Registered before the host's own services, so its "started" step runs before the corpus load's.
            b.Services.AddSingleton<IHostedService>(probe);
        });

        await app.StartAsync();

        Assert.Equal(200, probe.Live);
        Assert.Equal(503, probe.Ready);
        Assert.Contains("the corpus index is still loading", probe.ReadyBody, StringComparison.Ordinal);
        using var http = Client(app);
        using var after = await http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    /// <summary>Asks /healthz and /readyz in the host's "started" step, after the web server has started.</summary>
    private sealed class StartedProbe(int port) : IHostedLifecycleService
    {
        public int Live { get; private set; }

        public int Ready { get; private set; }

        public string ReadyBody { get; private set; } = "";

        public async Task StartedAsync(CancellationToken cancellationToken)
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            using var live = await http.GetAsync("/healthz", cancellationToken);
            using var ready = await http.GetAsync("/readyz", cancellationToken);
            (Live, Ready, ReadyBody) = ((int)live.StatusCode, (int)ready.StatusCode, await ready.Content.ReadAsStringAsync(cancellationToken));
        }

        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [Fact]
    public async Task A_corpus_still_loading_is_not_ready()
    {
        var result = await new CorpusReadyCheck(new LibraryHolder()).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal((HealthStatus.Unhealthy, "the corpus index is still loading"), (result.Status, result.Description));
    }

    private static async Task<WebApplication> StartAsync(TempDir data, Action<WebApplicationBuilder>? configure = null)
    {
        var app = BotHost.Build(["--urls=http://127.0.0.1:0"], b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Corpus:Directories:0"] = RepoPaths.Seeds,
                ["Index:CacheDirectory"] = "none",
                ["Store:DataDirectory"] = data.Path,
            });
            b.Logging.ClearProviders();
            configure?.Invoke(b);
        });
        await app.StartAsync();
        return app;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static HttpClient Client(WebApplication app) =>
        new() { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

    /// <summary>A real store that can be made to fail like an unreachable database.</summary>
    private sealed class BreakableStore(IQotdStore inner) : IQotdStore
    {
        public bool Broken { get; set; }

        public string Kind => inner.Kind;

        public Task MigrateAsync(CancellationToken ct) => inner.MigrateAsync(ct);

        public Task<int> SchemaVersionAsync(CancellationToken ct) =>
            Broken ? throw new IOException("connection refused") : inner.SchemaVersionAsync(ct);

        public Task<IReadOnlyList<Subscription>> SubscriptionsAsync(CancellationToken ct) => inner.SubscriptionsAsync(ct);

        public Task<Subscription?> FindSubscriptionAsync(ChannelRef channel, CancellationToken ct) => inner.FindSubscriptionAsync(channel, ct);

        public Task SaveSubscriptionAsync(Subscription subscription, CancellationToken ct) => inner.SaveSubscriptionAsync(subscription, ct);

        public Task<IReadOnlyList<PostRecord>> HistoryAsync(ChannelRef channel, CancellationToken ct) => inner.HistoryAsync(channel, ct);

        public Task<PostRecord?> FindPostAsync(ChannelRef channel, DateOnly localDate, CancellationToken ct) => inner.FindPostAsync(channel, localDate, ct);

        public Task<PostClaim?> TryClaimAsync(ChannelRef channel, DateOnly localDate, PlannedPost planned, DateTimeOffset now, TimeSpan lease, CancellationToken ct) =>
            inner.TryClaimAsync(channel, localDate, planned, now, lease, ct);

        public Task<bool> RescheduleAsync(PostClaim claim, DateTimeOffset retryAt, string error, CancellationToken ct) => inner.RescheduleAsync(claim, retryAt, error, ct);

        public Task<bool> CompleteAsync(PostClaim claim, string? messageId, DateTimeOffset now, CancellationToken ct) => inner.CompleteAsync(claim, messageId, now, ct);

        public Task<bool> FailAsync(PostClaim claim, string error, DateTimeOffset now, CancellationToken ct) => inner.FailAsync(claim, error, now, ct);

        public Task<bool> SkipAsync(ChannelRef channel, DateOnly localDate, DateTimeOffset now, CancellationToken ct) => inner.SkipAsync(channel, localDate, now, ct);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
