using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using InterviewBot.Chat.Slack;
using InterviewBot.Chat.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewBot.Chat.Tests.Slack;

/// <summary>The real bot host on 127.0.0.1 with its Slack section pointed at a <see cref="FakeSlack"/>; sends requests
/// signed as Slack signs them.</summary>
internal sealed class SlackTestHost : IAsyncDisposable
{
    public const string Secret = "test-signing-secret";
    public const string BotToken = "xoxb-test-bot-token";
    public const string AppToken = "xapp-test-app-token";

    private readonly WebApplication _app;
    private readonly SlackSignature _signer = new(Secret, TimeProvider.System);

    private SlackTestHost(WebApplication app, Uri address)
    {
        _app = app;
        Http = new HttpClient { BaseAddress = address };
    }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public SlackWork Work => _app.Services.GetRequiredService<SlackWork>();

    public static async Task<SlackTestHost> StartAsync(FakeSlack fake, string? corpus = null, bool http = true, bool socketMode = false,
        Action<WebApplicationBuilder>? configure = null)
    {
        var app = SlackHostBuilder.Build(Settings(fake, corpus, http, socketMode), configure);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SlackTestHost(app, new Uri(address));
    }

    public static Dictionary<string, string?> Settings(FakeSlack fake, string? corpus = null, bool http = true, bool socketMode = false) =>
        new()
        {
            ["Corpus:Directories:0"] = corpus ?? RepoPaths.Seeds,
            ["Index:CacheDirectory"] = "none",
            ["Slack:BotToken"] = BotToken,
            ["Slack:SigningSecret"] = http ? Secret : null,
            ["Slack:AppToken"] = socketMode ? AppToken : null,
            ["Slack:ApiBaseUrl"] = fake.BaseUrl,
        };

    /// <summary>POSTs a body signed with the signing secret (or with <paramref name="signature"/> / <paramref name="timestamp"/>).</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string path, string contentType, string body, int? retryNum = null,
        string? signature = null, long? timestamp = null)
    {
        var stamp = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackSignature.TimestampHeader, stamp);
        request.Headers.Add(SlackSignature.SignatureHeader, signature ?? _signer.Sign(stamp, bytes));
        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, int? retryNum = null) =>
        PostSignedAsync(path, "application/x-www-form-urlencoded", Form(fields), retryNum);

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json, int? retryNum = null) =>
        PostSignedAsync(path, "application/json", json, retryNum);

    public static string Form(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
