using System.Collections.Concurrent;
using System.Text.Json;
using InterviewBot.Chat.Discord;
using InterviewBot.Chat.Tests.Fakes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Tests.Discord;

/// <summary>The gateway client against <see cref="FakeDiscordGateway"/>, over real WebSockets and real time.</summary>
public sealed class DiscordGatewayClientTests : IAsyncLifetime
{
    private const string Token = "MTIz.secret-gateway-token.xyz";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly RecordingHandler _handler = new();
    private readonly FakeLifetime _lifetime = new();
    private readonly CapturingLogger<DiscordGatewayClient> _logger = new();
    private readonly FakeLocator _locator = new();
    private readonly ConcurrentQueue<int> _exitCodes = new();
    private FakeDiscordGateway _gateway = null!;
    private DiscordGatewayClient? _client;

    public async Task InitializeAsync() => _gateway = await FakeDiscordGateway.StartAsync();

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            using var timeout = new CancellationTokenSource(Wait);
            await _client.StopAsync(timeout.Token);
            _client.Dispose();
        }

        await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task It_identifies_with_the_token_and_minimal_intents_then_hands_every_dispatch_to_the_handler()
    {
        var client = await StartAsync();

        var identify = await _gateway.WaitForOpAsync(2, Wait, connection: 0);
        Assert.Equal(Token, identify.Data.GetProperty("token").GetString());
        Assert.Equal(4608, identify.Data.GetProperty("intents").GetInt32());
        var properties = identify.Data.GetProperty("properties");
        Assert.Equal("interviewbot", properties.GetProperty("browser").GetString());
        Assert.Equal("interviewbot", properties.GetProperty("device").GetString());
        Assert.False(string.IsNullOrEmpty(properties.GetProperty("os").GetString()));
        var connection = _gateway.Connections[0];
        Assert.Equal("/gateway", connection.Path);
        Assert.Equal("?v=10&encoding=json", connection.Query);

        var ready = await _handler.WaitForAsync("READY", Wait);
        Assert.Equal(FakeDiscordGateway.DefaultBotUserId, ready.GetProperty("user").GetProperty("id").GetString());
        await _gateway.SendDispatchAsync("MESSAGE_CREATE", new { id = "m1", content = "hello" });
        await _gateway.SendDispatchAsync("INTERACTION_CREATE", new { id = "i1", type = 2 });

        var message = await _handler.WaitForAsync("MESSAGE_CREATE", Wait);
        Assert.Equal("hello", message.GetProperty("content").GetString());
        await _handler.WaitForAsync("INTERACTION_CREATE", Wait);
        Assert.True(client.IsConnected);
        Assert.Equal(_gateway.SessionId, client.SessionId);
        Assert.Equal(3, client.Sequence);
    }

    [Fact]
    public async Task Heartbeats_carry_the_last_sequence_number()
    {
        await StartAsync();
        await _handler.WaitForAsync("READY", Wait);
        var seq = await _gateway.SendDispatchAsync("MESSAGE_CREATE", new { id = "m1" });
        await _handler.WaitForAsync("MESSAGE_CREATE", Wait);

        var beat = await _gateway.WaitForFrameAsync(f => f.Op == 1 && f.Data.ValueKind == JsonValueKind.Number && f.Data.GetInt64() == seq, Wait);

        Assert.Equal(0, beat.Connection);
        Assert.Equal(2, seq);
    }

    [Fact]
    public async Task A_heartbeat_request_from_the_gateway_is_answered_at_once()
    {
        _gateway.HeartbeatInterval = TimeSpan.FromMinutes(2);
        var client = Create();
        client.HeartbeatJitter = () => 0.99; // The first scheduled beat would come after almost two minutes.
        await client.StartAsync(CancellationToken.None);
        await _handler.WaitForAsync("READY", Wait);
        Assert.DoesNotContain(_gateway.Frames, f => f.Op == 1);

        await _gateway.SendHeartbeatRequestAsync();

        var beat = await _gateway.WaitForOpAsync(1, Wait);
        Assert.Equal(1, beat.Data.GetInt64());
    }

    [Fact]
    public async Task A_reconnect_request_resumes_on_the_resume_url_and_the_missed_events_arrive()
    {
        var client = await StartAsync();
        await _handler.WaitForAsync("READY", Wait);
        var seen = await _gateway.SendDispatchAsync("MESSAGE_CREATE", new { id = "m1" });
        await _handler.WaitForAsync("MESSAGE_CREATE", Wait, m => m.GetProperty("id").GetString() == "m1");
        _gateway.RecordMissedDispatch("MESSAGE_CREATE", new { id = "missed" });

        await _gateway.SendReconnectAsync();

        var resume = await _gateway.WaitForOpAsync(6, Wait);
        Assert.Equal(1, resume.Connection);
        Assert.Equal(Token, resume.Data.GetProperty("token").GetString());
        Assert.Equal(_gateway.SessionId, resume.Data.GetProperty("session_id").GetString());
        Assert.Equal(seen, resume.Data.GetProperty("seq").GetInt64());
        var second = _gateway.Connections[1];
        Assert.True(second.IsResumeUrl);
        Assert.Equal("?v=10&encoding=json", second.Query);
        await _handler.WaitForAsync("MESSAGE_CREATE", Wait, m => m.GetProperty("id").GetString() == "missed");
        await _handler.WaitForAsync("RESUMED", Wait);
        await _gateway.Connections[0].Completion.WaitAsync(Wait);
        Assert.NotNull(_gateway.Connections[0].ClientCloseCode);
        Assert.DoesNotContain(_gateway.Connections[0].ClientCloseCode, new int?[] { 1000, 1001 });
        Assert.DoesNotContain(second.Frames, f => f.Op == 2);
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task An_invalid_session_that_cannot_be_resumed_identifies_afresh_on_the_original_url()
    {
        var client = await StartAsync();
        await _handler.WaitForAsync("READY", Wait);
        var firstSession = _gateway.SessionId;

        await _gateway.SendInvalidSessionAsync(resumable: false);

        var identify = await _gateway.WaitForOpAsync(2, Wait, connection: 1);
        Assert.Equal(Token, identify.Data.GetProperty("token").GetString());
        Assert.False(_gateway.Connections[1].IsResumeUrl);
        Assert.DoesNotContain(_gateway.Frames, f => f.Op == 6);
        await _handler.WaitForAsync("READY", Wait, r => r.GetProperty("session_id").GetString() != firstSession);
        Assert.Equal(_gateway.SessionId, client.SessionId);
        Assert.NotEqual(firstSession, client.SessionId);
    }

    [Fact]
    public async Task A_resumable_invalid_session_resumes()
    {
        await StartAsync();
        await _handler.WaitForAsync("READY", Wait);

        await _gateway.SendInvalidSessionAsync(resumable: true);

        var resume = await _gateway.WaitForOpAsync(6, Wait, connection: 1);
        Assert.Equal(_gateway.SessionId, resume.Data.GetProperty("session_id").GetString());
        await _handler.WaitForAsync("RESUMED", Wait);
    }

    [Fact]
    public async Task A_connection_whose_heartbeats_go_unacknowledged_is_closed_as_a_zombie_and_resumed()
    {
        await StartAsync();
        await _handler.WaitForAsync("READY", Wait);

        _gateway.Connections[0].AckHeartbeats = false;

        var resume = await _gateway.WaitForOpAsync(6, Wait, connection: 1);
        Assert.Equal(_gateway.SessionId, resume.Data.GetProperty("session_id").GetString());
        Assert.Equal(1, resume.Data.GetProperty("seq").GetInt64());
        var zombie = _gateway.Connections[0];
        await zombie.Completion.WaitAsync(Wait);
        Assert.NotNull(zombie.ClientCloseCode);
        Assert.DoesNotContain(zombie.ClientCloseCode, new int?[] { 1000, 1001 });
        await _handler.WaitForAsync("RESUMED", Wait);
    }

    [Theory]
    [InlineData(4004, "Discord:BotToken")]
    [InlineData(4010, "shard")]
    [InlineData(4011, "sharding required")]
    [InlineData(4012, "version")]
    [InlineData(4013, "Discord:Gateway:Intents")]
    [InlineData(4014, "Developer Portal")]
    public async Task A_fatal_close_code_stops_the_application_without_reconnecting(int code, string advice)
    {
        _gateway.CloseOnIdentify = code;
        var client = await StartAsync();

        await client.ExecuteTask!.WaitAsync(Wait);

        Assert.Equal(code, client.FatalCloseCode);
        Assert.Equal(1, _lifetime.StopCalls);
        Assert.Equal([1], _exitCodes);
        Assert.Single(_gateway.Connections);
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            && e.Message.Contains(advice, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4003)]
    [InlineData(4005)]
    [InlineData(4008)]
    public async Task A_resumable_close_code_leads_to_a_resume(int code)
    {
        var client = await StartAsync();
        await _handler.WaitForAsync("READY", Wait);

        await _gateway.CloseAsync(code);

        var resume = await _gateway.WaitForOpAsync(6, Wait, connection: 1);
        Assert.Equal(_gateway.SessionId, resume.Data.GetProperty("session_id").GetString());
        Assert.True(_gateway.Connections[1].IsResumeUrl);
        Assert.Null(client.FatalCloseCode);
        Assert.Equal(0, _lifetime.StopCalls);
        Assert.Empty(_exitCodes);
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task Close_codes_4007_and_4009_start_a_new_session(int code)
    {
        await StartAsync();
        await _handler.WaitForAsync("READY", Wait);

        await _gateway.CloseAsync(code);

        await _gateway.WaitForOpAsync(2, Wait, connection: 1);
        Assert.DoesNotContain(_gateway.Frames, f => f.Op == 6);
        Assert.False(_gateway.Connections[1].IsResumeUrl);
    }

    [Fact]
    public async Task A_connection_dropped_without_a_close_code_is_resumed()
    {
        await StartAsync();
        await _handler.WaitForAsync("READY", Wait);

        _gateway.DropConnection();

        var resume = await _gateway.WaitForOpAsync(6, Wait, connection: 1);
        Assert.Equal(_gateway.SessionId, resume.Data.GetProperty("session_id").GetString());
    }

    [Fact]
    public async Task A_slow_handler_holds_up_neither_heartbeats_nor_other_events()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.OnEvent = (name, data, ct) =>
            name == "MESSAGE_CREATE" && data.GetProperty("id").GetString() == "slow" ? release.Task.WaitAsync(ct) : Task.CompletedTask;
        await StartAsync();
        await _handler.WaitForAsync("READY", Wait);

        await _gateway.SendDispatchAsync("MESSAGE_CREATE", new { id = "slow" });
        await _handler.WaitForAsync("MESSAGE_CREATE", Wait, m => m.GetProperty("id").GetString() == "slow");
        var after = _gateway.Frames.Count;
        await _gateway.WaitForFrameAsync(f => f.Op == 1 && f.Number >= after, Wait);
        var next = _gateway.Frames.Count;
        await _gateway.WaitForFrameAsync(f => f.Op == 1 && f.Number >= next, Wait);
        await _gateway.SendDispatchAsync("MESSAGE_CREATE", new { id = "fast" });
        await _handler.WaitForAsync("MESSAGE_CREATE", Wait, m => m.GetProperty("id").GetString() == "fast");

        Assert.False(release.Task.IsCompleted);
        Assert.Single(_gateway.Connections);
        release.SetResult();
    }

    [Fact]
    public async Task A_failing_handler_is_logged_and_later_events_still_arrive()
    {
        _handler.OnEvent = (name, _, _) => name == "GUILD_CREATE" ? throw new InvalidOperationException("handler broke") : Task.CompletedTask;
        await StartAsync();
        await _handler.WaitForAsync("READY", Wait);

        await _gateway.SendDispatchAsync("GUILD_CREATE", new { id = "g1" });
        await _gateway.SendDispatchAsync("MESSAGE_CREATE", new { id = "m1" });

        await _handler.WaitForAsync("MESSAGE_CREATE", Wait);
        await WaitUntilAsync(() => _logger.Entries.Any(e => e.Level == LogLevel.Error && e.Message.Contains("GUILD_CREATE", StringComparison.Ordinal)));
        Assert.Single(_gateway.Connections);
    }

    [Fact]
    public async Task A_message_split_across_many_frames_is_reassembled()
    {
        _gateway.FragmentSize = 7;
        await StartAsync();
        await _handler.WaitForAsync("READY", Wait);
        var content = string.Concat(Enumerable.Repeat("quote ", 5000));

        await _gateway.SendDispatchAsync("MESSAGE_CREATE", new { id = "big", content });

        var message = await _handler.WaitForAsync("MESSAGE_CREATE", Wait);
        Assert.Equal(content, message.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Stopping_the_client_closes_the_connection_with_1000()
    {
        var client = await StartAsync();
        await _handler.WaitForAsync("READY", Wait);
        Assert.True(client.IsConnected);

        using var timeout = new CancellationTokenSource(Wait);
        await client.StopAsync(timeout.Token);

        var connection = _gateway.Connections[0];
        await connection.Completion.WaitAsync(Wait);
        Assert.Equal(1000, connection.ClientCloseCode);
        Assert.False(client.IsConnected);
        Assert.Single(_gateway.Connections);
    }

    [Fact]
    public async Task Without_a_configured_url_the_locator_is_asked()
    {
        _locator.Urls.Enqueue(_gateway.Url);

        await StartAsync(configuredUrl: false);

        await _gateway.WaitForOpAsync(2, Wait);
        Assert.Equal(1, _locator.Calls);
    }

    [Fact]
    public async Task A_configured_url_means_the_locator_is_never_asked()
    {
        await StartAsync();

        await _gateway.WaitForOpAsync(2, Wait);
        Assert.Equal(0, _locator.Calls);
    }

    [Fact]
    public async Task Failed_connection_attempts_and_locator_failures_are_retried()
    {
        _locator.Urls.Enqueue(null); // The first lookup fails.
        _locator.Urls.Enqueue(_gateway.Url);
        _gateway.RejectNextConnections = 2;

        await StartAsync(configuredUrl: false);

        await _handler.WaitForAsync("READY", Wait);
        Assert.Equal(2, _gateway.RejectedConnections);
        Assert.Equal(2, _locator.Calls);
        Assert.Single(_gateway.Connections);
    }

    [Fact]
    public async Task Reconnect_attempts_back_off_exponentially_after_consecutive_failures()
    {
        _gateway.RejectNextConnections = 3;
        var client = Create();
        client.ReconnectBaseDelay = TimeSpan.FromMilliseconds(100);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await client.StartAsync(CancellationToken.None);
        await _gateway.WaitForConnectionAsync(0, Wait);

        // Waits of at least half of 100, 200 and 400 ms (the jitter factor is in [0.5, 1)).
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(350), $"reconnected after {clock.Elapsed}");
        Assert.Equal(3, _gateway.RejectedConnections);
    }

    [Fact]
    public async Task The_backoff_resets_once_a_connection_is_ready()
    {
        _gateway.RejectNextConnections = 2;
        var client = await StartAsync();
        await _handler.WaitForAsync("READY", Wait);
        client.ReconnectBaseDelay = TimeSpan.FromHours(1); // Any backoff now would outlast the test.

        _gateway.DropConnection();

        await _gateway.WaitForOpAsync(6, Wait, connection: 1);
        Assert.Equal(2, _gateway.RejectedConnections);
    }

    [Theory]
    [InlineData(0, 0.5, 0)]
    [InlineData(1, 0.0, 500)]
    [InlineData(1, 0.998, 999)]
    [InlineData(2, 0.0, 1000)]
    [InlineData(4, 0.0, 4000)]
    [InlineData(12, 0.0, 30000)]
    [InlineData(1000, 0.998, 59940)]
    public void Backoff_doubles_per_failure_with_jitter_up_to_the_cap(int failures, double random, int expectedMs) =>
        Assert.Equal(expectedMs, DiscordGatewayClient.BackoffDelay(failures, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), random).TotalMilliseconds, precision: 0);

    [Fact]
    public async Task The_token_never_appears_in_the_logs()
    {
        _handler.OnEvent = (name, _, _) => name == "GUILD_CREATE" ? throw new InvalidOperationException("handler broke") : Task.CompletedTask;
        var client = await StartAsync();
        await _handler.WaitForAsync("READY", Wait);
        await _gateway.SendDispatchAsync("GUILD_CREATE", new { id = "g1" });
        await _gateway.SendReconnectAsync();
        await _handler.WaitForAsync("RESUMED", Wait);
        _gateway.CloseOnIdentify = 4004;
        await _gateway.SendInvalidSessionAsync(resumable: false);
        await client.ExecuteTask!.WaitAsync(Wait);

        Assert.Equal(4004, client.FatalCloseCode);
        var entries = _logger.Entries.ToList();
        Assert.Contains(entries, e => e.Message.Contains("Identifying", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Message.Contains("Resuming", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Level == LogLevel.Error);
        Assert.All(entries, e => Assert.DoesNotContain(Token, e.Everything, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain("secret-gateway-token", e.Everything, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("wss://gateway.discord.gg", "wss://gateway.discord.gg/?v=10&encoding=json")]
    [InlineData("wss://gateway.discord.gg/", "wss://gateway.discord.gg/?v=10&encoding=json")]
    [InlineData("wss://gateway-us-east1-b.discord.gg/?v=9&encoding=etf&compress=zlib-stream", "wss://gateway-us-east1-b.discord.gg/?v=10&encoding=json")]
    [InlineData("wss://example.test/gw?shard=1", "wss://example.test/gw?shard=1&v=10&encoding=json")]
    [InlineData("https://example.test:8443/x", "wss://example.test:8443/x?v=10&encoding=json")]
    [InlineData("ws://127.0.0.1:5000/resume", "ws://127.0.0.1:5000/resume?v=10&encoding=json")]
    public void Gateway_urls_get_version_10_and_json_encoding(string url, string expected) =>
        Assert.Equal(expected, GatewayProtocol.BuildUrl(url).AbsoluteUri);

    [Theory]
    [InlineData(null, "Resume")]
    [InlineData(1000, "Resume")]
    [InlineData(4000, "Resume")]
    [InlineData(4008, "Resume")]
    [InlineData(4007, "NewSession")]
    [InlineData(4009, "NewSession")]
    [InlineData(4004, "Fatal")]
    [InlineData(4014, "Fatal")]
    public void Close_codes_are_classified_as_resume_new_session_or_fatal(int? code, string expected) =>
        Assert.Equal(expected, GatewayProtocol.Classify(code).ToString());

    [Fact]
    public void Identify_and_resume_payloads_fit_in_4096_bytes()
    {
        Assert.True(GatewayProtocol.Identify(new string('t', 100), 4608).Length <= GatewayProtocol.MaxSendBytes);
        using var resume = JsonDocument.Parse(GatewayProtocol.Resume("tok", "abc", null));
        Assert.Equal(JsonValueKind.Null, resume.RootElement.GetProperty("d").GetProperty("seq").ValueKind);
        using var beat = JsonDocument.Parse(GatewayProtocol.Heartbeat(42));
        Assert.Equal(42, beat.RootElement.GetProperty("d").GetInt64());
    }

    private async Task<DiscordGatewayClient> StartAsync(bool configuredUrl = true)
    {
        var client = Create(configuredUrl);
        await client.StartAsync(CancellationToken.None);
        return client;
    }

    private DiscordGatewayClient Create(bool configuredUrl = true)
    {
        var options = new DiscordOptions
        {
            BotToken = Token,
            Gateway = new DiscordGatewayOptions { Enabled = true, Url = configuredUrl ? _gateway.Url : null },
        };
        _client = new DiscordGatewayClient(Options.Create(options), _locator, _handler, TimeProvider.System, _lifetime, _logger)
        {
            ReconnectBaseDelay = TimeSpan.FromMilliseconds(10),
            InvalidSessionDelayMin = TimeSpan.FromMilliseconds(5),
            InvalidSessionDelayMax = TimeSpan.FromMilliseconds(20),
            SetExitCode = _exitCodes.Enqueue,
        };
        return _client;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>Records every dispatch before running <see cref="OnEvent"/>.</summary>
    private sealed class RecordingHandler : IDiscordEventHandler
    {
        private readonly Lock _sync = new();
        private readonly List<(string Name, JsonElement Data)> _events = [];
        private readonly List<(Func<string, JsonElement, bool> Match, TaskCompletionSource<JsonElement> Done)> _waiters = [];

        public Func<string, JsonElement, CancellationToken, Task>? OnEvent { get; set; }

        public Task HandleDispatchAsync(string eventName, JsonElement data, CancellationToken cancellationToken)
        {
            lock (_sync)
            {
                _events.Add((eventName, data));
                foreach (var waiter in _waiters.Where(w => w.Match(eventName, data)).ToList())
                {
                    waiter.Done.TrySetResult(data);
                    _waiters.Remove(waiter);
                }
            }

            return OnEvent?.Invoke(eventName, data, cancellationToken) ?? Task.CompletedTask;
        }

        public async Task<JsonElement> WaitForAsync(string eventName, TimeSpan timeout, Func<JsonElement, bool>? match = null)
        {
            bool Matches(string name, JsonElement data) => name == eventName && (match is null || match(data));
            var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_sync)
            {
                foreach (var (name, data) in _events)
                {
                    if (Matches(name, data))
                    {
                        return data;
                    }
                }

                _waiters.Add((Matches, done));
            }

            try
            {
                return await done.Task.WaitAsync(timeout);
            }
            catch (TimeoutException)
            {
                lock (_sync)
                {
                    throw new TimeoutException($"No {eventName} within {timeout}; got [{string.Join(", ", _events.Select(e => e.Name))}]");
                }
            }
        }
    }

    private sealed class FakeLifetime : IHostApplicationLifetime
    {
        private int _stopCalls;

        public int StopCalls => Volatile.Read(ref _stopCalls);

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => Interlocked.Increment(ref _stopCalls);
    }

    /// <summary>Hands out queued URLs; a null entry throws, like a failing <c>GET /gateway/bot</c>.</summary>
    private sealed class FakeLocator : IDiscordGatewayLocator
    {
        private int _calls;

        public ConcurrentQueue<string?> Urls { get; } = new();

        public int Calls => Volatile.Read(ref _calls);

        public Task<string> GetGatewayUrlAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref _calls);
            return Urls.TryDequeue(out var url) && url is not null
                ? Task.FromResult(url)
                : Task.FromException<string>(new HttpRequestException("gateway lookup failed"));
        }
    }

    private sealed record LogEntry(LogLevel Level, string Message, string Everything);

    /// <summary>Keeps every log entry at every level: message, exception and structured values.</summary>
    private sealed class CapturingLogger<T> : ILogger<T>
    {
        public ConcurrentQueue<LogEntry> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            Entries.Enqueue(new LogEntry(logLevel, message, $"{message} {values} {exception}"));
        }
    }
}
