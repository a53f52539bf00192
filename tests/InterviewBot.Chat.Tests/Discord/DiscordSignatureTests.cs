using System.Text;
using InterviewBot.Chat.Discord;

namespace InterviewBot.Chat.Tests.Discord;

/// <summary>Fixed vectors computed by an independent Ed25519 implementation (RFC 8032 §7.1 test 1, and a
/// Discord-shaped message signed with the same key; see the protocol fact sheet).</summary>
public sealed class DiscordSignatureTests
{
    internal const string PublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    internal const string SecretKey = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private const string Rfc8032EmptyMessageSignature = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
    private const string DiscordShapedSignature = "1695961a47c91a1ec033b819b7e87e3dbc583dd0cee6d1fd0216f58ac87b6228ae531ddbf91fb7bc28d7edf7f08604da16f54624f38a6bc0614e4dc13cd47f0f";
    private static readonly byte[] PingBody = Encoding.UTF8.GetBytes("{\"type\":1}");

    private readonly DiscordSignature _signature = new(PublicKey);

    [Fact]
    public void The_RFC_8032_test_1_vector_verifies() =>
        Assert.True(_signature.VerifyMessage(Rfc8032EmptyMessageSignature, []));

    [Fact]
    public void The_RFC_8032_signature_does_not_verify_another_message() =>
        Assert.False(_signature.VerifyMessage(Rfc8032EmptyMessageSignature, [0x72]));

    [Fact]
    public void The_Discord_shaped_vector_verifies_over_timestamp_followed_by_body() =>
        Assert.True(_signature.Verify(DiscordShapedSignature, "1700000000", PingBody));

    [Fact]
    public void Upper_case_hex_signatures_verify_too() =>
        Assert.True(_signature.Verify(DiscordShapedSignature.ToUpperInvariant(), "1700000000", PingBody));

    [Fact]
    public void A_tampered_body_fails() =>
        Assert.False(_signature.Verify(DiscordShapedSignature, "1700000000", Encoding.UTF8.GetBytes("{\"type\":2}")));

    [Fact]
    public void A_tampered_timestamp_fails() =>
        Assert.False(_signature.Verify(DiscordShapedSignature, "1700000001", PingBody));

    [Fact]
    public void A_different_public_key_fails() =>
        Assert.False(new DiscordSignature("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c").Verify(DiscordShapedSignature, "1700000000", PingBody));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not hex at all")]
    [InlineData("zz95961a47c91a1ec033b819b7e87e3dbc583dd0cee6d1fd0216f58ac87b6228ae531ddbf91fb7bc28d7edf7f08604da16f54624f38a6bc0614e4dc13cd47f0f")]
    [InlineData("1695961a47c91a1ec033b819b7e87e3dbc583dd0cee6d1fd0216f58ac87b6228")]
    public void Missing_short_or_non_hex_signatures_fail(string? signature) =>
        Assert.False(_signature.Verify(signature, "1700000000", PingBody));

    [Fact]
    public void A_missing_timestamp_fails() =>
        Assert.False(_signature.Verify(DiscordShapedSignature, null, PingBody));

    [Fact]
    public void A_malformed_public_key_is_refused_with_the_setting_name()
    {
        var error = Assert.Throws<ArgumentException>(() => new DiscordSignature("abc"));
        Assert.Contains("Discord:PublicKey", error.Message, StringComparison.Ordinal);
    }
}
