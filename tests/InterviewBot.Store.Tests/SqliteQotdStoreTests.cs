using Microsoft.Data.Sqlite;

namespace InterviewBot.Store.Tests;

/// <summary>The contract on SQLite: a file of its own per test.</summary>
public sealed class SqliteQotdStoreTests : QotdStoreContractTests
{
    private readonly TempDir _dir = new();

    private string DbPath => Path.Combine(_dir.Path, "nested", "state", "interviewbot.db");

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    protected override Task DropDatabaseAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }

    protected override string ExpectedKind => "sqlite";

    protected override IQotdStore Connect() => QotdStores.Sqlite(DbPath);

    [Fact]
    public async Task The_file_and_its_directory_are_created_and_the_journal_is_wal()
    {
        await MigratedAsync();

        Assert.True(File.Exists(DbPath));
        await using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Dates_times_and_instants_are_stored_as_readable_text_and_unix_milliseconds()
    {
        var store = await MigratedAsync();
        await store.SaveSubscriptionAsync(Subscribe(Channel), Ct);
        await store.TryClaimAsync(Channel, Day, Planned, T0, Lease, Ct);

        await using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT p.local_date, p.status, p.claimed_at, s.local_time
            FROM qotd_posts p JOIN qotd_subscriptions s ON s.platform = p.platform AND s.channel_id = p.channel_id
            """;
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("2026-03-01", reader.GetString(0));
        Assert.Equal("claimed", reader.GetString(1));
        Assert.Equal(T0.ToUnixTimeMilliseconds(), reader.GetInt64(2));
        Assert.Equal("09:30:00", reader.GetString(3));
    }
}
