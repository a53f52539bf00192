using InterviewBot.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Qotd;

public static class QotdServiceCollectionExtensions
{
    /// <summary>Quote of the day: the store (<c>Store</c> section: SQLite by default, PostgreSQL when
    /// <c>Store:PostgreSQL</c> is set), subscriptions in chat, and the scheduler (<c>Qotd</c> section) with a poster per
    /// platform. A test may register its own <see cref="IQotdStore"/> first.</summary>
    public static IServiceCollection AddQotd(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.SectionName));
        services.AddOptions<QotdOptions>().Bind(configuration.GetSection(QotdOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QotdOptions>, QotdOptionsValidator>());
        services.TryAddSingleton(sp => OpenStore(sp.GetRequiredService<IOptions<StoreOptions>>().Value));
        services.AddSingleton<QotdPlanner>();
        services.AddSingleton<QotdPosting>();
        services.AddSingleton<QotdDesk>(sp => new QotdDesk(
            sp.GetRequiredService<IQotdStore>(), sp.GetRequiredService<QotdPlanner>(), sp.GetRequiredService<Library.LibraryHolder>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<QotdScheduler>();
        services.AddHostedService<QotdStartup>();
        if (configuration.GetValue(QotdOptions.SectionName + ":" + nameof(QotdOptions.Enabled), true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<QotdScheduler>());
        }

        return services;
    }

    private static IQotdStore OpenStore(StoreOptions options)
    {
        try
        {
            return QotdStores.Open(options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"the quote-of-the-day store cannot be created in {options.ResolvedDataDirectory()}: {e.Message} (check Store:DataDirectory or INTERVIEWBOT_DATA)", e);
        }
    }
}
