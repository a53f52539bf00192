using System.Text;
using InterviewBot.Chat.Slack;
using Microsoft.Extensions.Time.Testing;

namespace InterviewBot.Chat.Tests.Slack;

/// <summary>Slack's published signing example (api.slack.com "Verifying requests from Slack", also in
/// python-slack-sdk's tests; see the protocol fact sheet S1), plus the ways a request must fail.</summary>
public sealed class SlackSignatureTests
{
    internal const string PublishedSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    internal const string PublishedTimestamp = "1531420618";
    internal const string PublishedSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    internal const string PublishedBody =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar"
        + "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com"
        + "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(PublishedBody);

    private static SlackSignature At(long unixSeconds) =>
        new(PublishedSecret, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    private static readonly long Stamp = long.Parse(PublishedTimestamp, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_published_body_is_the_362_bytes_Slack_signed() => Assert.Equal(362, Body.Length);

    [Fact]
    public void Slacks_published_example_verifies_at_its_own_timestamp() =>
        Assert.True(At(Stamp).Verify(PublishedSignature, PublishedTimestamp, Body));

    [Fact]
    public void Signing_the_published_body_gives_Slacks_published_signature() =>
        Assert.Equal(PublishedSignature, At(Stamp).Sign(PublishedTimestamp, Body));

    [Fact]
    public void Upper_case_hex_verifies_too() =>
        Assert.True(At(Stamp).Verify("v0=" + PublishedSignature[3..].ToUpperInvariant(), PublishedTimestamp, Body));

    [Theory]
    [InlineData(299)]
    [InlineData(-299)]
    public void A_timestamp_inside_five_minutes_either_way_is_accepted(int skew) =>
        Assert.True(At(Stamp + skew).Verify(PublishedSignature, PublishedTimestamp, Body));

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    [InlineData(86_400)]
    public void A_stale_or_future_timestamp_is_rejected_even_with_a_correct_signature(int skew) =>
        Assert.False(At(Stamp + skew).Verify(PublishedSignature, PublishedTimestamp, Body));

    [Fact]
    public void A_tampered_body_is_rejected()
    {
        var tampered = Encoding.UTF8.GetBytes(PublishedBody.Replace("text=&", "text=drop+tables&", StringComparison.Ordinal));
        Assert.False(At(Stamp).Verify(PublishedSignature, PublishedTimestamp, tampered));
    }

    [Fact]
    public void A_timestamp_changed_after_signing_is_rejected() =>
        Assert.False(At(Stamp).Verify(PublishedSignature, (Stamp + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Body));

    [Fact]
    public void Another_secret_does_not_verify() =>
        Assert.False(new SlackSignature("another-secret", new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(Stamp)))
            .Verify(PublishedSignature, PublishedTimestamp, Body));

    [Theory]
    [InlineData(null, PublishedTimestamp)]
    [InlineData(PublishedSignature, null)]
    [InlineData("", PublishedTimestamp)]
    [InlineData(PublishedSignature, "")]
    public void A_missing_signature_or_timestamp_header_is_rejected(string? signature, string? timestamp) =>
        Assert.False(At(Stamp).Verify(signature, timestamp, Body));

    [Theory]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5")]
    [InlineData("v0=z2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    public void Malformed_signatures_are_rejected(string signature) =>
        Assert.False(At(Stamp).Verify(signature, PublishedTimestamp, Body));

    [Theory]
    [InlineData("1531420618.5")]
    [InlineData("-1531420618")]
    [InlineData("99999999999999999999")]
    public void Malformed_timestamps_are_rejected(string timestamp) =>
        Assert.False(At(Stamp).Verify(PublishedSignature, timestamp, Body));
}
