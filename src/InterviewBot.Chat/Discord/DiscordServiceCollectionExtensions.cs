using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>Registers the Discord adapter when the <c>Discord</c> section configures it: the interactions
    /// endpoint when a public key is set, the gateway when <c>Discord:Gateway:Enabled</c>.</summary>
    public static IServiceCollection AddDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DiscordOptions.SectionName);
        services.AddOptions<DiscordOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();
        var options = section.Get<DiscordOptions>() ?? new DiscordOptions();
        if (!DiscordOptionsValidator.IsConfigured(options))
        {
            return services;
        }

        // The factory's own logging would write request URIs, which hold interaction tokens.
        services.AddHttpClient(DiscordOptions.SectionName).RemoveAllLoggers();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<DiscordRestClient>(sp,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(DiscordOptions.SectionName)));
        services.AddSingleton<DiscordInteractions>();
        services.AddSingleton<Qotd.IQotdPoster, Qotd.DiscordQotdPoster>();
        if (!string.IsNullOrWhiteSpace(options.PublicKey))
        {
            services.AddSingleton(sp => new DiscordSignature(sp.GetRequiredService<IOptions<DiscordOptions>>().Value.PublicKey!));
        }

        if (options.Gateway.Enabled)
        {
            services.AddSingleton<DiscordEvents>();
            services.AddSingleton<IDiscordEventHandler>(sp => sp.GetRequiredService<DiscordEvents>());
            services.AddSingleton<IDiscordGatewayLocator>(sp => new GatewayLocator(sp.GetRequiredService<DiscordRestClient>()));
            services.AddSingleton<DiscordGatewayClient>();
            services.AddHostedService(sp => sp.GetRequiredService<DiscordGatewayClient>());
        }

        return services;
    }
}

/// <summary>Asks the REST API where the gateway is.</summary>
internal sealed class GatewayLocator(DiscordRestClient rest) : IDiscordGatewayLocator
{
    public Task<string> GetGatewayUrlAsync(CancellationToken ct) => rest.GetGatewayUrlAsync(ct);
}
