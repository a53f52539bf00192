using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InterviewBot.Chat.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Chat.Tests.Playground;

/// <summary>The real bot host (<see cref="BotHost"/>) on 127.0.0.1 with no chat platform configured, over the seed
/// interview (or another corpus directory), its state in a temporary directory.</summary>
internal sealed class PlaygroundTestHost : IAsyncDisposable
{
    private readonly TempDir _data;

    private PlaygroundTestHost(WebApplication app, TempDir data)
    {
        App = app;
        _data = data;
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
    }

    public WebApplication App { get; }

    /// <summary>Where the host listens, ending in "/".</summary>
    public string BaseUrl { get; }

    public HttpClient Http { get; }

    public static async Task<PlaygroundTestHost> StartAsync(string? corpus = null, Dictionary<string, string?>? extra = null)
    {
        var data = new TempDir();
        var settings = new Dictionary<string, string?>
        {
            ["Corpus:Directories:0"] = corpus ?? RepoPaths.Seeds,
            ["Index:CacheDirectory"] = "none",
            ["Store:DataDirectory"] = data.Path,
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var app = BotHost.Build(["--urls=http://127.0.0.1:0"], b =>
        {
            b.Configuration.AddInMemoryCollection(settings);
            b.Logging.ClearProviders();
        });
        await app.StartAsync();
        return new PlaygroundTestHost(app, data);
    }

    /// <summary>GETs a path and parses the JSON body, asserting 200.</summary>
    public async Task<JsonObject> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        _data.Dispose();
    }
}
