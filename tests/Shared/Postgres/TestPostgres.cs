using Npgsql;

namespace InterviewBot.Tests;

/// <summary>The PostgreSQL server tests use: <see cref="Variable"/> holds an Npgsql connection string whose user may
/// create schemas. Unset, PostgreSQL tests are skipped, except under CI (env <c>CI</c> set), where they fail.</summary>
internal static class TestPostgres
{
    public const string Variable = "INTERVIEWBOT_TEST_POSTGRES";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>Why PostgreSQL tests are skipped, or null when they run (the variable is set, or this is CI).</summary>
    public static string? SkipReason =>
        ConnectionString is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            ? $"PostgreSQL tests need {Variable} (an Npgsql connection string); .ci/run sets it"
            : null;

    public static string RequireConnectionString() => ConnectionString ?? throw new InvalidOperationException(
        $"{Variable} is not set but CI is: PostgreSQL tests must run in CI (.ci/run starts a server and sets it).");
}

/// <summary>A fresh schema <c>t_…</c> on the test server, dropped with everything in it on dispose.
/// <see cref="ConnectionString"/> selects it through Search Path, so unqualified tables land in it.</summary>
internal sealed class TestSchema : IAsyncDisposable
{
    private readonly string _admin;

    private TestSchema(string admin, string name)
    {
        _admin = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { SearchPath = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestSchema> CreateAsync()
    {
        var schema = new TestSchema(TestPostgres.RequireConnectionString(), "t_" + Guid.NewGuid().ToString("N")[..20]);
        await schema.ExecuteAsync($"CREATE SCHEMA {schema.Name}");
        return schema;
    }

    public async ValueTask DisposeAsync() => await ExecuteAsync($"DROP SCHEMA IF EXISTS {Name} CASCADE");

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
