using InterviewBot.Chat.Library;
using InterviewBot.Chat.Qotd;
using InterviewBot.Retrieval;
using InterviewBot.Retrieval.Benchmarks;
using InterviewBot.Retrieval.Index;
using InterviewBot.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace InterviewBot.Chat.Tests.Qotd;

/// <summary>A scheduler on a fake clock with a real store, recording posters and a corpus of five speakers
/// (329 standalone quotes), driven one <see cref="QotdScheduler.TickAsync"/> at a time.</summary>
internal sealed class QotdRig : IAsyncDisposable
{
    private static readonly Lazy<QuoteLibrary> Synthetic = new(() =>
        new QuoteLibrary(new Retriever(IndexCache.LoadOrBuild(new SyntheticCorpus(seed: 3).Generate(600), null, embeddings: false))));

    private readonly TempDir _dir = new();
    private readonly List<IQotdStore> _stores = [];
    private TestSchema? _schema;

    private QotdRig(DateTimeOffset start) => Time = new FakeTimeProvider(start);

    public FakeTimeProvider Time { get; }

    public LibraryHolder Library { get; } = new();

    public QotdOptions Options { get; } = new();

    public IQotdStore Store => _stores[0];

    public RecordingPoster Discord { get; private set; } = null!;

    public RecordingPoster Slack { get; private set; } = null!;

    public QotdPlanner Planner { get; private set; } = null!;

    public QotdScheduler Scheduler { get; private set; } = null!;

    public static QuoteLibrary SyntheticLibrary => Synthetic.Value;

    /// <summary>A rig on SQLite, or on a fresh PostgreSQL schema when <paramref name="postgres"/>.</summary>
    public static async Task<QotdRig> CreateAsync(DateTimeOffset start, bool postgres = false, QuoteLibrary? library = null)
    {
        var rig = new QotdRig(start);
        rig.Library.Replace(library ?? SyntheticLibrary);
        rig.Discord = new RecordingPoster(ChannelRef.Discord, rig.Time);
        rig.Slack = new RecordingPoster(ChannelRef.Slack, rig.Time);
        rig.Planner = new QotdPlanner(rig.Library);
        if (postgres)
        {
            rig._schema = await TestSchema.CreateAsync();
        }

        rig.Scheduler = await rig.ReplicaAsync();
        return rig;
    }

    /// <summary>Another scheduler with its own store connection to the same database, sharing clock and platforms.</summary>
    public async Task<QotdScheduler> ReplicaAsync()
    {
        var store = QotdStores.Open(_schema is null ? new StoreOptions { DataDirectory = _dir.Path } : new StoreOptions { PostgreSQL = _schema.ConnectionString });
        await store.MigrateAsync(CancellationToken.None);
        _stores.Add(store);
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var posting = new QotdPosting(store, Planner, [Discord, Slack], options, Time, NullLogger<QotdPosting>.Instance);
        return new QotdScheduler(store, Planner, posting, Library, options, Time, NullLogger<QotdScheduler>.Instance);
    }

    public QotdDesk Desk() => new(Store, Planner, Library, Time);

    public async Task<Subscription> SubscribeAsync(string channel, string time = "09:00", string zone = "UTC", string platform = ChannelRef.Discord, string? speaker = null)
    {
        Subscriptions.TryTime(time, out var at);
        var s = new Subscription(new ChannelRef(platform, channel), zone, at, speaker, null, true, "cli", null, Time.GetUtcNow());
        await Store.SaveSubscriptionAsync(s, CancellationToken.None);
        return s;
    }

    /// <summary>Ticks every <paramref name="step"/> until <paramref name="end"/> (the first tick is now).</summary>
    public async Task RunAsync(DateTimeOffset end, TimeSpan step, params QotdScheduler[] schedulers)
    {
        schedulers = schedulers.Length > 0 ? schedulers : [Scheduler];
        while (Time.GetUtcNow() <= end)
        {
            await Task.WhenAll(schedulers.Select(s => s.TickAsync(CancellationToken.None)));
            Time.Advance(step);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }

        _dir.Dispose();
    }
}
