using InterviewBot.Store.Tests.Support;

namespace InterviewBot.Store.Tests;

/// <summary>Exactly-once under contention: many callers, one claim.</summary>
public abstract partial class QotdStoreContractTests
{
    private const int Racers = 40;

    [ContractFact]
    public async Task Many_parallel_claims_of_an_empty_day_yield_exactly_one()
    {
        var store = await MigratedAsync();

        var claims = await Race(Racers, i => store.TryClaimAsync(Channel, Day, new PlannedPost($"quote-{i}", "Ana", 0), T0, Lease, Ct));

        var winner = Assert.Single(claims.OfType<PostClaim>());
        Assert.Equal(winner.Planned, (await store.FindPostAsync(Channel, Day, Ct))!.Planned);
    }

    [ContractFact]
    public async Task Many_parallel_take_overs_of_an_expired_claim_yield_exactly_one()
    {
        var store = await MigratedAsync();
        await store.TryClaimAsync(Channel, Day, Planned, T0, Lease, Ct);

        var claims = await Race(Racers, i => store.TryClaimAsync(Channel, Day, Planned with { QuoteKey = $"quote-{i}" }, T0 + Lease, Lease, Ct));

        var winner = Assert.Single(claims.OfType<PostClaim>());
        Assert.Equal((2, Planned), (winner.Attempt, winner.Planned));
        Assert.Equal(2, (await store.FindPostAsync(Channel, Day, Ct))!.Attempts);
    }

    [ContractFact]
    public async Task Two_store_instances_racing_for_a_day_yield_exactly_one_claim()
    {
        await MigratedAsync();
        IQotdStore[] stores = [Open(), Open()];

        for (var day = 0; day < 5; day++)
        {
            var date = Day.AddDays(day);
            var claims = await Race(2 * 10, i => stores[i % 2].TryClaimAsync(Channel, date, Planned, T0, Lease, Ct));
            Assert.Single(claims.OfType<PostClaim>());
        }

        Assert.Equal(5, (await Store.HistoryAsync(Channel, Ct)).Count);
    }

    [ContractFact]
    public async Task Parallel_skips_and_claims_of_a_day_leave_exactly_one_winner()
    {
        var store = await MigratedAsync();
        var outcomes = await Race(Racers, async i => i % 2 == 0
            ? await store.TryClaimAsync(Channel, Day, Planned, T0, Lease, Ct) is not null
            : await store.SkipAsync(Channel, Day, T0, Ct));

        Assert.Single(outcomes, won => won);
    }

    /// <summary>Starts every call together on the thread pool and waits for all.</summary>
    private static async Task<T[]> Race<T>(int count, Func<int, Task<T>> call)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await call(i);
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }
}
