using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace InterviewBot.Chat.Hosting;

/// <summary>The requests of a <see cref="ChatLoadRun"/>: the question mix, signed payloads, the concurrent driver and
/// the statistics.</summary>
public static partial class ChatLoadRun
{
    /// <summary>A load mix of generic questions about the seed interview's topics (not a tuning set).</summary>
    private static readonly string[] Questions =
    [
        "Why is Heat still the touchstone for action movies?", "What made the bank heist in Heat so visceral?",
        "What does Joe Russo think of Michael Mann?", "How did Extraction come out of a comic book?",
        "Why make a small action movie after Endgame?", "What is stunt visualization?", "How was the long take in Extraction shot?",
        "What did Sam Hargrave bring as a director?", "How does action express a character's inner turmoil?", "Why do ticking clock movies work?",
        "What is it like to make a movie for Netflix?", "How do streaming services change what studios make?", "What do the Russo brothers love about filmmaking?",
        "What makes an action scene feel real?", "Which movies influenced Extraction?", "How did Chris Hemsworth prepare for the role?",
        "Why do audiences forget to eat their popcorn?", "What is different about working at Marvel?", "How should violence be shown on screen?",
        "What is the future of movie theaters?",
    ];

    private sealed record Drive(double[] Ms, long[] Starts, long Start, double Seconds, int Errors, int Edits = 0);

    /// <summary>Sends requests 0 … <paramref name="count"/> − 1 from <paramref name="workers"/> concurrent loops, timing
    /// each; a failed request (false, or an HTTP/JSON error or client timeout) is an error with latency NaN.</summary>
    private static async Task<Drive> DriveAsync(int count, int workers, Func<int, CancellationToken, Task<bool>> send, CancellationToken ct)
    {
        var (ms, starts, next, errors) = (new double[count], new long[count], -1, 0);
        var start = Stopwatch.GetTimestamp();
        async Task Worker()
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                starts[i] = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await send(i, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is HttpRequestException or JsonException || (e is OperationCanceledException && !ct.IsCancellationRequested))
                {
                    ok = false;
                }

                ms[i] = ok ? Stopwatch.GetElapsedTime(starts[i]).TotalMilliseconds : double.NaN;
                Interlocked.Add(ref errors, ok ? 0 : 1);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Min(workers, count)).Select(_ => Task.Run(Worker, ct))).ConfigureAwait(false);
        return new Drive(ms, starts, start, Stopwatch.GetElapsedTime(start).TotalSeconds, errors);
    }

    /// <summary>Successful requests per second and nearest-rank percentiles of their latencies.</summary>
    private static ChatLoadPhase Phase(string name, int requests, int errors, double seconds, IEnumerable<double> ms)
    {
        var sorted = ms.Where(double.IsFinite).Order().ToArray();
        double P(double p) => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new ChatLoadPhase(name, requests, errors, seconds > 0 ? sorted.Length / seconds : 0, P(0.50), P(0.99), sorted.Length > 0 ? sorted[^1] : 0);
    }

    private static (byte[] Body, string Stamp, string Signature) SignInteraction(byte[] secretKey, int i)
    {
        var body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["id"] = string.Create(CultureInfo.InvariantCulture, $"8{i:D17}"), ["application_id"] = "1", ["type"] = 2,
            ["token"] = $"load-token-{Guid.NewGuid():N}", ["version"] = 1, ["guild_id"] = "300", ["channel_id"] = "400",
            ["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = "500", ["username"] = "load" } },
            ["data"] = new JsonObject
            {
                ["id"] = "900", ["name"] = "ask", ["type"] = 1,
                ["options"] = new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = Questions[i % Questions.Length] }),
            },
        }.ToJsonString());
        var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var message = Encoding.UTF8.GetBytes(stamp).Concat(body).ToArray();
        var signature = new byte[Ed25519.SignatureSize];
        Ed25519.Sign(secretKey, 0, message, 0, message.Length, signature, 0);
        return (body, stamp, Convert.ToHexStringLower(signature));
    }

    private static string SlashCommand(int i, string responseUrl) => string.Join('&', new[]
    {
        ("token", "load"), ("team_id", "T0LOAD"), ("channel_id", "C0LOAD"), ("user_id", "U0LOAD"), ("user_name", "load"),
        ("command", "/ask"), ("text", Questions[i % Questions.Length]), ("response_url", responseUrl),
        ("trigger_id", string.Create(CultureInfo.InvariantCulture, $"{i}.load")),
    }.Select(f => $"{Uri.EscapeDataString(f.Item1)}={Uri.EscapeDataString(f.Item2)}"));
}
