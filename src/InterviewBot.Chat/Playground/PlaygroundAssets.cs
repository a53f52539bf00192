using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace InterviewBot.Chat.Playground;

/// <summary>The playground's pages, stylesheet and script: files under <c>Playground/wwwroot</c>, embedded in the
/// assembly (so a published <c>interviewbot</c> carries them) and served with an ETag and a strict
/// Content-Security-Policy (same-origin script, style and fetch only; nothing inline).</summary>
internal sealed class PlaygroundAssets
{
    public const string ResourcePrefix = "InterviewBot.Playground.";

    private const string Policy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
    };

    private readonly Dictionary<string, Asset> _assets;

    private PlaygroundAssets(Dictionary<string, Asset> assets) => _assets = assets;

    /// <summary>Reads every embedded asset; throws when one of the files the pages need is missing.</summary>
    public static PlaygroundAssets Load()
    {
        var assembly = typeof(PlaygroundAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes), 0, 8)}\"");
            assets[name] = new Asset(bytes, ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream"), tag);
        }

        foreach (var needed in new[] { "index.html", "corpus.html", "playground.css", "playground.js" }.Where(n => !assets.ContainsKey(n)))
        {
            throw new InvalidOperationException($"the playground asset {needed} is not embedded in {assembly.GetName().Name}");
        }

        return new PlaygroundAssets(assets);
    }

    /// <summary>The text of an asset (for tests).</summary>
    public string Text(string name) => System.Text.Encoding.UTF8.GetString(_assets[name].Bytes);

    /// <summary>An endpoint handler that serves one asset.</summary>
    public static Func<HttpContext, PlaygroundAssets, FileContentHttpResult> Serve(string name) => (http, assets) => assets.Result(name, http.Response);

    private FileContentHttpResult Result(string name, HttpResponse response)
    {
        var asset = _assets[name];
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        if (name.EndsWith(".html", StringComparison.Ordinal))
        {
            response.Headers.ContentSecurityPolicy = Policy;
            response.Headers["Referrer-Policy"] = "no-referrer";
        }

        return TypedResults.Bytes(asset.Bytes, asset.ContentType, entityTag: asset.Tag);
    }

    private sealed record Asset(byte[] Bytes, string ContentType, EntityTagHeaderValue Tag);
}
