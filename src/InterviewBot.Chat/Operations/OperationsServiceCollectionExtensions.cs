using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace InterviewBot.Chat.Operations;

/// <summary>Operating the host: metrics (OpenTelemetry, scraped in Prometheus text format at <c>GET /metrics</c>),
/// per-user and per-channel rate limiting of chat requests (<c>RateLimits</c> section), and the correlation scope of
/// each chat request (<see cref="ChatOperations"/>). Health and readiness are in <see cref="HealthEndpoints"/>.</summary>
public static class OperationsServiceCollectionExtensions
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton<BotMetrics>();
        services.TryAddSingleton<ChatRateLimiter>();
        services.TryAddSingleton(sp => new ChatOperations(
            sp.GetRequiredService<BotMetrics>(), sp.GetRequiredService<ChatRateLimiter>(), sp.GetRequiredService<ILogger<ChatOperations>>()));
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("interviewbot"))
            .WithMetrics(metrics => metrics
                .AddMeter(BotMetrics.MeterName, "Microsoft.AspNetCore.Hosting")
                // Every scrape sees the latest values (the exporter caches a scrape for 300 ms by default).
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        services.ConfigureOpenTelemetryMeterProvider((sp, builder) => builder.AddView(OwnMetersOnly(sp.GetRequiredService<IMeterFactory>())));
        return services;
    }

    /// <summary>Drops instruments of meters that another host's <see cref="IMeterFactory"/> made: OpenTelemetry listens
    /// to meters by name across the process, so two hosts in one process (tests) would otherwise report each other's
    /// measurements.</summary>
    private static Func<Instrument, MetricStreamConfiguration?> OwnMetersOnly(IMeterFactory own) =>
        instrument => instrument.Meter.Scope is IMeterFactory factory && !ReferenceEquals(factory, own) ? MetricStreamConfiguration.Drop : null;

    /// <summary>Maps <c>GET /metrics</c>.</summary>
    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }
}
