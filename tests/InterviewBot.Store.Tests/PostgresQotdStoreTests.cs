using InterviewBot.Store.Tests.Support;
using Npgsql;

namespace InterviewBot.Store.Tests;

/// <summary>The contract on PostgreSQL: a schema of its own per test, selected by the store's Search Path.</summary>
[NeedsPostgres]
public sealed class PostgresQotdStoreTests : QotdStoreContractTests
{
    private TestSchema? _schema;

    protected override async Task CreateDatabaseAsync() => _schema = await TestSchema.CreateAsync();

    protected override async Task DropDatabaseAsync()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }

    protected override string ExpectedKind => "postgresql";

    protected override IQotdStore Connect() => QotdStores.Postgres(_schema!.ConnectionString);

    [PostgresFact]
    public async Task The_tables_live_in_the_schema_the_search_path_names()
    {
        await MigratedAsync();
        await Store.SaveSubscriptionAsync(Subscribe(Channel), Ct);

        await using var connection = new NpgsqlConnection(TestPostgres.RequireConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = @schema ORDER BY table_name", connection);
        command.Parameters.AddWithValue("schema", _schema!.Name);
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Equal(["qotd_posts", "qotd_subscriptions", "schema_version"], tables);
    }
}
