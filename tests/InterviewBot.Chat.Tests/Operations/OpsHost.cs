using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using InterviewBot.Chat.Hosting;
using InterviewBot.Chat.Slack;
using InterviewBot.Chat.Tests.Discord;
using InterviewBot.Chat.Tests.Fakes;
using InterviewBot.Chat.Tests.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Chat.Tests.Operations;

/// <summary>The credentials an <see cref="OpsHost"/> runs with (recognisable values for the "never logged" test).</summary>
internal sealed record OpsSecrets(
    string DiscordBotToken = FakeDiscordRest.DefaultBotToken,
    string SlackBotToken = SlackTestHost.BotToken,
    string SlackAppToken = SlackTestHost.AppToken,
    string SlackSigningSecret = SlackTestHost.Secret);

/// <summary>The real bot host on 127.0.0.1 with Discord (interactions endpoint, optionally the gateway) and Slack (HTTP
/// endpoints, optionally Socket Mode) both pointed at fakes, every log line captured at Trace level with its scopes, and
/// the store in a temporary directory.</summary>
internal sealed class OpsHost : IAsyncDisposable
{
    private readonly TempDir _data;
    private readonly SlackSignature _slackSigner;

    private OpsHost(WebApplication app, FakeDiscordRest rest, FakeDiscordGateway? gateway, FakeSlack slack, LogCapture logs, TempDir data, OpsSecrets secrets)
    {
        (App, Rest, Gateway, Slack, Logs, _data) = (app, rest, gateway, slack, logs, data);
        _slackSigner = new SlackSignature(secrets.SlackSigningSecret, TimeProvider.System);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public WebApplication App { get; }

    public FakeDiscordRest Rest { get; }

    public FakeDiscordGateway? Gateway { get; }

    public FakeSlack Slack { get; }

    public LogCapture Logs { get; }

    public HttpClient Http { get; }

    public string DataDirectory => _data.Path;

    public static async Task<OpsHost> StartAsync(Dictionary<string, string?>? extra = null, bool gateway = false, bool socketMode = false,
        OpsSecrets? secrets = null)
    {
        secrets ??= new OpsSecrets();
        var rest = await FakeDiscordRest.StartAsync(secrets.DiscordBotToken);
        var fakeGateway = gateway ? await FakeDiscordGateway.StartAsync() : null;
        fakeGateway?.ApplicationId = rest.ApplicationId;
        var slack = await FakeSlack.StartAsync();
        var data = new TempDir();
        var settings = new Dictionary<string, string?>
        {
            ["Corpus:Directories:0"] = RepoPaths.Seeds,
            ["Index:CacheDirectory"] = "none",
            ["Store:DataDirectory"] = data.Path,
            ["Discord:PublicKey"] = DiscordSignatureTests.PublicKey,
            ["Discord:ApplicationId"] = rest.ApplicationId,
            ["Discord:BotToken"] = secrets.DiscordBotToken,
            ["Discord:ApiBaseUrl"] = rest.BaseUrl,
            ["Discord:Gateway:Enabled"] = gateway ? "true" : "false",
            ["Discord:Gateway:Url"] = fakeGateway?.Url,
            ["Slack:BotToken"] = secrets.SlackBotToken,
            ["Slack:SigningSecret"] = secrets.SlackSigningSecret,
            ["Slack:AppToken"] = socketMode ? secrets.SlackAppToken : null,
            ["Slack:ApiBaseUrl"] = slack.BaseUrl,
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var logs = new LogCapture();
        var app = BotHost.Build(["--urls=http://127.0.0.1:0"], b =>
        {
            b.Configuration.AddInMemoryCollection(settings);
            b.Logging.ClearProviders();
            b.Logging.AddProvider(logs);
            b.Logging.SetMinimumLevel(LogLevel.Trace);
        });
        await app.StartAsync();
        return new OpsHost(app, rest, fakeGateway, slack, logs, data, secrets);
    }

    /// <summary>POSTs a signed interaction to /discord/interactions and returns Discord's view of the answer.</summary>
    public async Task<JsonObject> InteractAsync(JsonObject interaction)
    {
        var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = Encoding.UTF8.GetBytes(interaction.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Signature-Timestamp", stamp);
        request.Headers.Add("X-Signature-Ed25519", DiscordTestHost.Sign(stamp, body));
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>An /ask interaction from <paramref name="user"/> in <paramref name="channel"/>.</summary>
    public static JsonObject Ask(string question, string user = "500", string channel = "400")
    {
        var interaction = Interactions.Command("ask", ("question", question));
        interaction["member"]!["user"]!["id"] = user;
        interaction["channel_id"] = channel;
        return interaction;
    }

    /// <summary>A signed slash command over HTTP; returns the text Slack received at its response_url.</summary>
    public async Task<string> SlashAsync(string command, string text, string user = "U1", string channel = "C1", string? triggerId = null,
        string? responseId = null)
    {
        var id = responseId ?? "resp-" + Guid.NewGuid().ToString("N");
        var fields = SlackPayloads.Slash(command, text, Slack.ResponseUrl(id)).Select(f => f.Key switch
        {
            "user_id" => KeyValuePair.Create(f.Key, user),
            "channel_id" => KeyValuePair.Create(f.Key, channel),
            "trigger_id" when triggerId is not null => KeyValuePair.Create(f.Key, triggerId),
            _ => f,
        });
        using var response = await PostSlackAsync("/slack/commands", "application/x-www-form-urlencoded", SlackTestHost.Form(fields));
        response.EnsureSuccessStatusCode();
        return (await Slack.Recorder.WaitForAsync("response_url", c => c.Target == id)).AllText;
    }

    public Task<HttpResponseMessage> PostSlackAsync(string path, string contentType, string body)
    {
        var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackSignature.TimestampHeader, stamp);
        request.Headers.Add(SlackSignature.SignatureHeader, _slackSigner.Sign(stamp, bytes));
        return Http.SendAsync(request);
    }

    /// <summary>GET /metrics as text.</summary>
    public async Task<string> MetricsAsync()
    {
        using var response = await Http.GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        await Slack.DisposeAsync();
        await Rest.DisposeAsync();
        _data.Dispose();
    }
}
