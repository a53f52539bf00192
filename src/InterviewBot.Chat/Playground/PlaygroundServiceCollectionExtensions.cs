using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewBot.Chat.Playground;

/// <summary>The local web playground: a page at <c>/</c> (and <c>/corpus</c>) that asks the bot through the same
/// <see cref="Commands.ChatRouter"/> as the chat platforms, and its small JSON API under <c>/api</c>. On when
/// <see cref="PlaygroundOptions.IsOn"/> says so.</summary>
public static class PlaygroundServiceCollectionExtensions
{
    public static IServiceCollection AddPlayground(this IServiceCollection services, IConfiguration configuration)
    {
        if (!PlaygroundOptions.IsOn(configuration))
        {
            return services;
        }

        services.AddSingleton(PlaygroundAssets.Load());
        services.AddHostedService<PlaygroundAnnouncer>();
        return services;
    }

    /// <summary>Maps the pages, their CSS and JavaScript (GET and HEAD), and the API (GET), when the playground is on.</summary>
    public static IEndpointRouteBuilder MapPlayground(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ServiceProvider.GetService<PlaygroundAssets>() is null)
        {
            return app;
        }

        string[] read = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/", read, PlaygroundAssets.Serve("index.html"));
        app.MapMethods("/corpus", read, PlaygroundAssets.Serve("corpus.html"));
        app.MapMethods("/playground.css", read, PlaygroundAssets.Serve("playground.css"));
        app.MapMethods("/playground.js", read, PlaygroundAssets.Serve("playground.js"));

        var api = app.MapGroup("/api").AddEndpointFilter((context, next) =>
        {
            context.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return next(context);
        });
        api.MapGet("/ask", PlaygroundEndpoints.AskAsync);
        api.MapGet("/quote", PlaygroundEndpoints.QuoteAsync);
        api.MapGet("/qotd", PlaygroundEndpoints.QotdAsync);
        api.MapGet("/context", PlaygroundEndpoints.ContextAsync);
        api.MapGet("/corpus", PlaygroundCorpusEndpoint.Get);
        api.MapGet("/speakers", PlaygroundEndpoints.Speakers);
        return app;
    }
}
