using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewBot.Chat.Playground;

/// <summary>The local web playground.</summary>
public static class PlaygroundServiceCollectionExtensions
{
    public static IServiceCollection AddPlayground(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapPlayground(this IEndpointRouteBuilder app) => app;
}
