namespace InterviewBot.Store.Tests;

public sealed class QotdStoresTests
{
    [Fact]
    public async Task Without_a_connection_string_the_store_is_a_sqlite_file_in_the_data_directory()
    {
        using var dir = new TempDir();
        var options = new StoreOptions { PostgreSQL = "  ", DataDirectory = Path.Combine(dir.Path, "data") };

        await using var store = QotdStores.Open(options);
        await store.MigrateAsync(CancellationToken.None);

        Assert.Equal("sqlite", store.Kind);
        Assert.Equal("sqlite", store.Kind);
        Assert.True(File.Exists(Path.Combine(dir.Path, "data", "interviewbot.db")));
    }

    [Fact]
    public async Task A_connection_string_selects_postgresql_without_connecting()
    {
        var options = new StoreOptions { PostgreSQL = "Host=127.0.0.1;Port=1;Username=u;Password=p;Database=d" };

        await using var store = QotdStores.Open(options);

        Assert.Equal("postgresql", store.Kind);
        Assert.Equal("postgresql", store.Kind);
    }

    [Theory]
    [InlineData("Host=db;Password=hunter2-secret;Port=not-a-number", "port")]
    [InlineData("Host=db;Password=hunter2-secret;Colour=blue", "colour")]
    [InlineData("Host=db;Password='hunter2-secret", "malformed")]
    [InlineData("hunter2-secret", "malformed")]
    public void A_bad_connection_string_names_the_setting_and_never_the_password(string connectionString, string reason)
    {
        var options = new StoreOptions { PostgreSQL = connectionString };

        var error = Assert.Throws<InvalidOperationException>(() => QotdStores.Open(options));

        Assert.Contains("Store:PostgreSQL", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }
}
