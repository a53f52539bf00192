using System.Text;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace InterviewBot.Chat.Discord;

/// <summary>Checks Discord's interaction signatures: Ed25519 over the UTF-8 timestamp immediately followed by the raw
/// body, with the application's public key. Any malformed input is simply "not valid".</summary>
public sealed class DiscordSignature
{
    private readonly byte[] _publicKey;

    public DiscordSignature(string publicKeyHex)
    {
        if (!TryHex(publicKeyHex, Ed25519.PublicKeySize, out var key))
        {
            throw new ArgumentException("Discord:PublicKey must be 64 hexadecimal characters (the application's Ed25519 public key)");
        }

        _publicKey = key;
    }

    public bool Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp))
        {
            return false;
        }

        var stamp = Encoding.UTF8.GetBytes(timestamp);
        var message = new byte[stamp.Length + body.Length];
        stamp.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(stamp.Length));
        return VerifyMessage(signatureHex, message);
    }

    /// <summary>Plain Ed25519 verification of <paramref name="message"/>.</summary>
    internal bool VerifyMessage(string? signatureHex, byte[] message)
    {
        if (!TryHex(signatureHex, Ed25519.SignatureSize, out var signature))
        {
            return false;
        }

        try
        {
            return Ed25519.Verify(signature, 0, _publicKey, 0, message, 0, message.Length);
        }
        catch (ArgumentException)
        {
            // A public key that is not a curve point.
            return false;
        }
    }

    private static bool TryHex(string? hex, int bytes, out byte[] value)
    {
        value = [];
        if (hex is null || hex.Length != bytes * 2 || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        value = Convert.FromHexString(hex);
        return true;
    }
}
