using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace InterviewBot.Chat.Slack;

/// <summary>Checks Slack's v0 request signatures: <c>v0=</c> + hex HMAC-SHA256, keyed with the signing secret as UTF-8,
/// over <c>v0:{timestamp}:{raw body}</c>. Requests more than five minutes from now are refused (replays), and the
/// comparison is constant-time. Any malformed input is simply "not valid".</summary>
internal sealed class SlackSignature
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private const string Version = "v0";
    private const int HexLength = 64;
    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public SlackSignature(string signingSecret, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        _key = Encoding.UTF8.GetBytes(signingSecret);
        _time = time;
    }

    public bool Verify(string? signature, string? timestamp, ReadOnlySpan<byte> body)
    {
        // At most 12 digits: a Unix time in seconds, and no overflow in the arithmetic below.
        if (timestamp is not { Length: > 0 and <= 12 } || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(_time.GetUtcNow().ToUnixTimeSeconds() - seconds) > (long)Window.TotalSeconds)
        {
            return false;
        }

        if (signature is null || signature.Length != Version.Length + 1 + HexLength || !signature.StartsWith(Version + "=", StringComparison.Ordinal)
            || !signature.Skip(Version.Length + 1).All(char.IsAsciiHexDigit))
        {
            return false;
        }

        var given = Convert.FromHexString(signature.AsSpan(Version.Length + 1));
        return CryptographicOperations.FixedTimeEquals(Compute(timestamp, body), given);
    }

    /// <summary>The header value Slack would send for this timestamp and body.</summary>
    public string Sign(string timestamp, ReadOnlySpan<byte> body) => Version + "=" + Convert.ToHexStringLower(Compute(timestamp, body));

    private byte[] Compute(string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(Encoding.UTF8.GetBytes($"{Version}:{timestamp}:"));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
