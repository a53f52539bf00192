using InterviewBot.Store.Sql;
using InterviewBot.Store.Tests.Support;

namespace InterviewBot.Store.Tests;

/// <summary>The <see cref="IQotdStore"/> contract, run against every store by one subclass each. Each test gets an
/// empty database of its own; <see cref="Store"/> is a store over it, not yet migrated.</summary>
public abstract partial class QotdStoreContractTests : IAsyncLifetime
{
    protected static readonly ChannelRef Channel = new(ChannelRef.Discord, "100");
    protected static readonly DateOnly Day = new(2026, 3, 1);
    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    protected static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    protected static readonly PlannedPost Planned = new("quote-1", "Ana", 0);

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));
    private readonly List<IQotdStore> _opened = [];

    protected CancellationToken Ct => _timeout.Token;

    protected IQotdStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        Store = Open();
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        await DropDatabaseAsync();
        _timeout.Dispose();
    }

    /// <summary>What <see cref="IQotdStore.Kind"/> says.</summary>
    protected abstract string ExpectedKind { get; }

    /// <summary>Creates this test's empty database.</summary>
    protected abstract Task CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    /// <summary>A new store instance over this test's database (as another process would open it).</summary>
    protected abstract IQotdStore Connect();

    /// <summary>A store from <see cref="Connect"/>, disposed after the test.</summary>
    protected IQotdStore Open()
    {
        var store = Connect();
        _opened.Add(store);
        return store;
    }

    protected async Task<IQotdStore> MigratedAsync()
    {
        await Store.MigrateAsync(Ct);
        return Store;
    }

    [ContractFact]
    public async Task The_schema_version_is_zero_before_migration_and_the_latest_after_it()
    {
        Assert.Equal(0, await Store.SchemaVersionAsync(Ct));
        await Store.MigrateAsync(Ct);
        Assert.Equal(QotdSchema.Latest, await Store.SchemaVersionAsync(Ct));
        Assert.True(QotdSchema.Latest >= 1);
    }

    [ContractFact]
    public async Task Migrating_again_changes_nothing_and_keeps_the_data()
    {
        var store = await MigratedAsync();
        await store.SaveSubscriptionAsync(Subscribe(Channel), Ct);
        Assert.NotNull(await store.TryClaimAsync(Channel, Day, Planned, T0, Lease, Ct));

        await store.MigrateAsync(Ct);
        await Open().MigrateAsync(Ct);

        Assert.Equal(QotdSchema.Latest, await store.SchemaVersionAsync(Ct));
        Assert.Single(await store.SubscriptionsAsync(Ct));
        Assert.Single(await store.HistoryAsync(Channel, Ct));
    }

    [ContractFact]
    public async Task Several_instances_migrating_at_once_all_succeed()
    {
        var stores = Enumerable.Range(0, 6).Select(_ => Open()).ToList();
        await Task.WhenAll(stores.Select(s => Task.Run(() => s.MigrateAsync(Ct))));
        foreach (var store in stores)
        {
            Assert.Equal(QotdSchema.Latest, await store.SchemaVersionAsync(Ct));
        }
    }

    [ContractFact]
    public async Task The_kind_names_the_database()
    {
        Assert.Equal(ExpectedKind, Store.Kind);
        Assert.Equal(ExpectedKind, (await MigratedAsync()).Kind);
    }

    protected static Subscription Subscribe(ChannelRef channel, string timeZone = "Europe/London", bool enabled = true) =>
        new(channel, timeZone, new TimeOnly(9, 30), null, null, enabled, "chat", "U1", T0);
}
