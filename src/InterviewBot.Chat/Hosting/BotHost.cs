using InterviewBot.Chat.Commands;
using InterviewBot.Chat.Discord;
using InterviewBot.Chat.Library;
using InterviewBot.Chat.Operations;
using InterviewBot.Chat.Playground;
using InterviewBot.Chat.Qotd;
using InterviewBot.Chat.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InterviewBot.Chat.Hosting;

/// <summary>The web host behind <c>interviewbot serve</c>: the library, the router and each chat platform that the
/// configuration turns on.</summary>
public static class BotHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <param name="args">Command-line configuration (e.g. <c>--urls</c>, <c>--Discord:PublicKey=…</c>).</param>
    /// <param name="configure">Runs before the services are registered (which read the configuration), e.g. for
    /// tests to add settings, or a <see cref="TimeProvider"/> that replaces the system clock.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = Directory.GetCurrentDirectory() });
        AddConfigurationFiles(builder.Configuration);
        configure?.Invoke(builder);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddQuoteLibrary(builder.Configuration);
        builder.Services.AddDiscord(builder.Configuration);
        builder.Services.AddSlack(builder.Configuration);
        builder.Services.AddQotd(builder.Configuration);
        builder.Services.AddOperations(builder.Configuration);
        builder.Services.AddHealth();
        builder.Services.AddPlayground(builder.Configuration);

        var app = builder.Build();
        app.MapHealth();
        app.MapOperations();
        app.MapDiscord();
        app.MapSlack();
        app.MapPlayground();
        return app;
    }

    /// <summary>Settings files below environment variables and the command line: appsettings.json beside the
    /// program, then config/appsettings.json in the working directory, then the file INTERVIEWBOT_CONFIG names.</summary>
    public static void AddConfigurationFiles(IConfigurationManager configuration)
    {
        var files = new List<string> { Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Path.Combine("config", "appsettings.json") };
        if (Environment.GetEnvironmentVariable("INTERVIEWBOT_CONFIG") is { Length: > 0 } explicitFile)
        {
            if (!File.Exists(explicitFile))
            {
                throw new FileNotFoundException($"INTERVIEWBOT_CONFIG names {explicitFile}, which does not exist");
            }

            files.Add(explicitFile);
        }

        var at = 0;
        foreach (var file in files.Where(File.Exists))
        {
            var source = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path = Path.GetFullPath(file), Optional = true, ReloadOnChange = false };
            source.ResolveFileProvider();
            try
            {
                configuration.Sources.Insert(at++, source);
            }
            catch (Exception ex) when (ex is InvalidDataException or FormatException)
            {
                throw new InvalidDataException($"configuration {file} is not valid JSON: {(ex.GetBaseException()).Message}", ex);
            }
        }
    }

    /// <summary>The same settings the host reads (files, then environment variables), for commands that need
    /// configuration without a host.</summary>
    public static IConfiguration LoadConfiguration()
    {
        var configuration = new ConfigurationManager();
        configuration.AddEnvironmentVariables();
        AddConfigurationFiles(configuration);
        return configuration;
    }

    public static IServiceCollection AddQuoteLibrary(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CorpusOptions>().Bind(configuration.GetSection(CorpusOptions.SectionName));
        services.AddOptions<IndexOptions>().Bind(configuration.GetSection(IndexOptions.SectionName));
        services.AddSingleton<LibraryHolder>();
        services.AddHostedService<LibraryLoader>();
        services.AddCorpusReload();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ChatRouter>();
        return services;
    }
}
