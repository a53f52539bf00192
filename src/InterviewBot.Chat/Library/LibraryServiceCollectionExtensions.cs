using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Library;

internal static class LibraryServiceCollectionExtensions
{
    /// <summary>Checks the <c>Corpus</c> section at start and, after the load at start, watches the corpus for changes
    /// (<see cref="CorpusWatcher"/>; it does nothing when <c>Corpus:Watch</c> is false).</summary>
    public static IServiceCollection AddCorpusReload(this IServiceCollection services)
    {
        services.AddOptions<CorpusOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CorpusOptions>, CorpusOptionsValidator>());
        services.AddHostedService<CorpusWatcher>();
        return services;
    }
}
