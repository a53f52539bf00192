using InterviewBot.Chat.Discord;
using InterviewBot.Chat.Library;
using InterviewBot.Chat.Slack;
using InterviewBot.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InterviewBot.Chat.Operations;

/// <summary>Readiness: the corpus index is loaded.</summary>
internal sealed class CorpusReadyCheck(LibraryHolder library) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(library.IsLoaded
            ? HealthCheckResult.Healthy($"{library.Current.Corpus.Interviews.Count} interviews loaded")
            : HealthCheckResult.Unhealthy("the corpus index is still loading"));
}

/// <summary>Readiness: the quote-of-the-day store answers (and its schema is in place) within two seconds.</summary>
internal sealed class StoreReadyCheck(IQotdStore store) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            var version = await store.SchemaVersionAsync(timeout.Token).ConfigureAwait(false);
            return version > 0
                ? HealthCheckResult.Healthy($"{store.Kind} store, schema version {version}")
                : HealthCheckResult.Unhealthy($"the {store.Kind} store has no schema yet");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var why = e is OperationCanceledException ? $"no answer within {Timeout.TotalSeconds:0} s" : e.Message;
            return HealthCheckResult.Unhealthy($"the {store.Kind} store is unreachable: {why}");
        }
    }
}

/// <summary>Readiness: each configured long-lived platform connection is up (the Discord gateway when
/// <c>Discord:Gateway:Enabled</c>, Slack Socket Mode when <c>Slack:AppToken</c> is set). HTTP-only set-ups have no
/// connection to wait for.</summary>
internal sealed class PlatformsReadyCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var down = new List<string>();
        if (services.GetService<DiscordGatewayClient>() is { IsConnected: false })
        {
            down.Add("the Discord gateway is not connected");
        }

        if (services.GetService<SlackSocketMode>() is { IsConnected: false })
        {
            down.Add("Slack Socket Mode is not connected");
        }

        return Task.FromResult(down.Count == 0
            ? HealthCheckResult.Healthy("configured platform connections are up")
            : HealthCheckResult.Unhealthy(string.Join("; ", down)));
    }
}
