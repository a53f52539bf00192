using System.Data.Common;

namespace InterviewBot.Store.Sql;

/// <summary>The posting log.</summary>
internal sealed partial class SqlQotdStore
{
    public async Task<IReadOnlyList<PostRecord>> HistoryAsync(ChannelRef channel, CancellationToken ct) =>
        await QueryAsync(QotdSql.History, c => c.WithChannel(channel), QotdRows.Post, ct).ConfigureAwait(false);

    public async Task<PostRecord?> FindPostAsync(ChannelRef channel, DateOnly localDate, CancellationToken ct) =>
        (await QueryAsync(QotdSql.FindPost, c => c.WithChannel(channel).With("date", dialect.Date(localDate)), QotdRows.Post, ct).ConfigureAwait(false))
            .SingleOrDefault();

    public Task<PostClaim?> TryClaimAsync(ChannelRef channel, DateOnly localDate, PlannedPost planned, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        var token = NewToken();
        var at = QotdRows.Truncate(now);
        void Bind(DbCommand c) => c.WithChannel(channel).With("date", dialect.Date(localDate))
            .With("token", token).With("now", dialect.Instant(at)).With("lease_until", Instant(at + lease));

        return RunAsync(async connection =>
        {
            var inserted = await ExecuteAsync(connection, null, QotdSql.InsertClaim, c =>
            {
                Bind(c);
                c.With("quote_key", planned.QuoteKey).With("speaker", planned.Speaker).With("cycle", planned.Cycle);
            }, ct).ConfigureAwait(false);
            if (inserted == 1)
            {
                return new PostClaim(channel, localDate, token, 1, planned, at);
            }

            // The day has a row: only a claim whose lease ran out can be taken over, and only by one caller.
            using var takeOver = Command(connection, null, QotdSql.TakeOver, Bind);
            var taken = await ReadAllAsync(takeOver, r => new PostClaim(channel, localDate, token, r.GetInt32(0),
                new PlannedPost(r.GetString(1), r.GetString(2), r.GetInt32(3)), dialect.ReadInstant(r, 4)), ct).ConfigureAwait(false);
            return taken.SingleOrDefault();
        }, ct);
    }

    public async Task<bool> RescheduleAsync(PostClaim claim, DateTimeOffset retryAt, string error, CancellationToken ct) =>
        await ExecuteAsync(QotdSql.Reschedule, c => Owned(c, claim).With("retry_at", Instant(retryAt)).With("error", error), ct).ConfigureAwait(false) == 1;

    public async Task<bool> CompleteAsync(PostClaim claim, string? messageId, DateTimeOffset now, CancellationToken ct) =>
        await ExecuteAsync(QotdSql.Complete, c => Owned(c, claim).With("message_id", messageId).With("now", Instant(now)), ct).ConfigureAwait(false) == 1;

    public async Task<bool> FailAsync(PostClaim claim, string error, DateTimeOffset now, CancellationToken ct) =>
        await ExecuteAsync(QotdSql.Fail, c => Owned(c, claim).With("error", error).With("now", Instant(now)), ct).ConfigureAwait(false) == 1;

    public async Task<bool> SkipAsync(ChannelRef channel, DateOnly localDate, DateTimeOffset now, CancellationToken ct) =>
        await ExecuteAsync(QotdSql.Skip, c => c.WithChannel(channel).With("date", dialect.Date(localDate)).With("now", Instant(now)), ct).ConfigureAwait(false) == 1;

    private DbCommand Owned(DbCommand command, PostClaim claim) =>
        command.WithChannel(claim.Channel).With("date", dialect.Date(claim.LocalDate)).With("token", claim.Token);
}
