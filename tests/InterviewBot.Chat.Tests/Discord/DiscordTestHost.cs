using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using InterviewBot.Chat.Hosting;
using InterviewBot.Chat.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace InterviewBot.Chat.Tests.Discord;

/// <summary>The real bot host (<see cref="BotHost"/>) on 127.0.0.1, its Discord section pointed at a fake Discord
/// (REST and gateway); sends interactions signed as Discord signs them.</summary>
internal sealed class DiscordTestHost : IAsyncDisposable
{
    private static readonly byte[] SecretKey = Convert.FromHexString(DiscordSignatureTests.SecretKey);

    private DiscordTestHost(WebApplication app, FakeDiscordRest rest, FakeDiscordGateway gateway)
    {
        App = app;
        Rest = rest;
        Gateway = gateway;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public WebApplication App { get; }

    public FakeDiscordRest Rest { get; }

    public FakeDiscordGateway Gateway { get; }

    public HttpClient Http { get; }

    public static async Task<DiscordTestHost> StartAsync(Dictionary<string, string?>? extra = null, bool gateway = true)
    {
        var rest = await FakeDiscordRest.StartAsync();
        var fakeGateway = await FakeDiscordGateway.StartAsync();
        fakeGateway.ApplicationId = rest.ApplicationId;
        var settings = new Dictionary<string, string?>
        {
            ["Corpus:Directories:0"] = RepoPaths.Seeds,
            ["Index:CacheDirectory"] = "none",
            ["Discord:PublicKey"] = DiscordSignatureTests.PublicKey,
            ["Discord:ApplicationId"] = rest.ApplicationId,
            ["Discord:BotToken"] = rest.BotToken,
            ["Discord:ApiBaseUrl"] = rest.BaseUrl,
            ["Discord:Gateway:Enabled"] = gateway ? "true" : "false",
            ["Discord:Gateway:Url"] = fakeGateway.Url,
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
        return new DiscordTestHost(app, rest, fakeGateway);
    }

    public static string Sign(string timestamp, byte[] body)
    {
        var message = Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
        var signature = new byte[Ed25519.SignatureSize];
        Ed25519.Sign(SecretKey, 0, message, 0, message.Length, signature, 0);
        return Convert.ToHexStringLower(signature);
    }

    /// <summary>POSTs an interaction to /discord/interactions, signed unless a signature is given.</summary>
    public Task<HttpResponseMessage> PostInteractionAsync(string json, string? signature = null, string? timestamp = null)
    {
        var stamp = timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Signature-Timestamp", stamp);
        request.Headers.Add("X-Signature-Ed25519", signature ?? Sign(stamp, body));
        return Http.SendAsync(request);
    }

    public async Task<JsonObject> InteractAsync(JsonObject interaction)
    {
        using var response = await PostInteractionAsync(interaction.ToJsonString());
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Gateway.DisposeAsync();
        await Rest.DisposeAsync();
    }
}

/// <summary>Discord-shaped interaction payloads.</summary>
internal static class Interactions
{
    private static int _next;

    public static JsonObject Command(string name, params (string Name, string Value)[] options) => Base(2, new JsonObject
    {
        ["id"] = "900", ["name"] = name, ["type"] = 1,
        ["options"] = new JsonArray(options.Select(o => (JsonNode)new JsonObject { ["name"] = o.Name, ["type"] = 3, ["value"] = o.Value }).ToArray()),
    });

    /// <summary>A subcommand (e.g. <c>/qotd subscribe time:08:30</c>) by a member with these permission bits.</summary>
    public static JsonObject Subcommand(string name, string sub, string permissions, params (string Name, string Value)[] options)
    {
        var interaction = Base(2, new JsonObject
        {
            ["id"] = "900", ["name"] = name, ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject
            {
                ["name"] = sub, ["type"] = 1,
                ["options"] = new JsonArray(options.Select(o => (JsonNode)new JsonObject { ["name"] = o.Name, ["type"] = 3, ["value"] = o.Value }).ToArray()),
            }),
        });
        interaction["member"]!["permissions"] = permissions;
        return interaction;
    }

    public static JsonObject Autocomplete(string name, string option, string typed) => Base(4, new JsonObject
    {
        ["id"] = "900", ["name"] = name, ["type"] = 1,
        ["options"] = new JsonArray(new JsonObject { ["name"] = option, ["type"] = 3, ["value"] = typed, ["focused"] = true }),
    });

    public static JsonObject Button(string customId, JsonObject message)
    {
        var interaction = Base(3, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 });
        interaction["message"] = message.DeepClone();
        return interaction;
    }

    private static JsonObject Base(int type, JsonObject data) => new()
    {
        ["id"] = $"8{Interlocked.Increment(ref _next):D17}",
        ["application_id"] = FakeDiscordRest.DefaultApplicationId,
        ["type"] = type,
        ["token"] = $"interaction-token-{Guid.NewGuid():N}",
        ["version"] = 1,
        ["guild_id"] = "300",
        ["channel_id"] = "400",
        ["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = "500", ["username"] = "asker" } },
        ["data"] = data,
    };
}
