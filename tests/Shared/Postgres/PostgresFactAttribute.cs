namespace InterviewBot.Tests;

/// <summary>A test that needs PostgreSQL (<see cref="TestPostgres"/>): skipped when
/// INTERVIEWBOT_TEST_POSTGRES is unset outside CI; under CI it runs, and fails without a server.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = TestPostgres.SkipReason;
}

/// <summary>The <see cref="TheoryAttribute"/> counterpart of <see cref="PostgresFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute() => Skip = TestPostgres.SkipReason;
}
