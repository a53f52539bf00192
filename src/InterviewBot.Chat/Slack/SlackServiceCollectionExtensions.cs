using InterviewBot.Chat.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Slack;

/// <summary>Registers the Slack adapter: <see cref="AddSlack"/> for services, <see cref="MapSlack"/> for endpoints.</summary>
public static class SlackServiceCollectionExtensions
{
    /// <summary>Binds and validates (at start-up) the <c>Slack</c> section. When it holds credentials, adds the Web API
    /// client and the handlers; the Socket Mode service only when <c>Slack:AppToken</c> is set. Needs a
    /// <see cref="ChatRouter"/> registered elsewhere.</summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SlackOptions.SectionName);
        services.AddOptions<SlackOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        var options = section.Get<SlackOptions>() ?? new SlackOptions();
        if (!SlackOptionsValidator.IsConfigured(options))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        // No HttpClient request logging: a response_url's path is a credential.
        services.AddHttpClient(SlackWebApi.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        services.AddSingleton<SlackWebApi>();
        services.AddSingleton<SlackBotUser>();
        services.AddSingleton<SlackEventDeduper>();
        services.AddSingleton<SlackHandlers>();
        services.AddSingleton<Qotd.SlackQotdManagers>();
        services.AddSingleton<Qotd.IQotdPoster, Qotd.SlackQotdPoster>();
        services.AddSingleton(sp => new SlackSignature(
            sp.GetRequiredService<IOptions<SlackOptions>>().Value.SigningSecret is { Length: > 0 } secret ? secret : "(unset)",
            sp.GetRequiredService<TimeProvider>()));

        // Registered before Socket Mode so that it stops after it: acked work drains once no more can arrive.
        services.AddSingleton<SlackWork>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackWork>());
        if (!string.IsNullOrWhiteSpace(options.AppToken))
        {
            services.AddSingleton<SlackSocketMode>();
            services.AddHostedService(sp => sp.GetRequiredService<SlackSocketMode>());
        }

        return services;
    }

    /// <summary>Maps <c>POST /slack/commands</c>, <c>/slack/events</c> and <c>/slack/interactivity</c>, only when
    /// <c>Slack:SigningSecret</c> is set (without it no request could be verified).</summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var configuration = app.ServiceProvider.GetRequiredService<IConfiguration>();
        if (string.IsNullOrWhiteSpace(configuration[$"{SlackOptions.SectionName}:{nameof(SlackOptions.SigningSecret)}"]))
        {
            return app;
        }

        var slack = app.MapGroup("/slack");
        slack.MapPost("/commands", SlackEndpoints.CommandsAsync);
        slack.MapPost("/events", SlackEndpoints.EventsAsync);
        slack.MapPost("/interactivity", SlackEndpoints.InteractivityAsync);
        return app;
    }
}
