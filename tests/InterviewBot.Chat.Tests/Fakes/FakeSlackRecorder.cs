using System.Text.Json;

namespace InterviewBot.Chat.Tests.Fakes;

/// <summary>One request the fake Slack received: a Web API call (<see cref="Name"/> = method) or a response_url post
/// (<see cref="Name"/> = "response_url", <see cref="Target"/> = the url's id). <see cref="Query"/> is the query string
/// without "?" (read methods take their arguments there).</summary>
internal sealed record FakeSlackCall(long Seq, string Name, string? Target, string? Authorization, string? ContentType, string Body, string Query = "")
{
    /// <summary>An argument from the query string, else from a JSON body (strings, numbers and booleans as text).</summary>
    public string? Arg(string name)
    {
        foreach (var pair in Query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (Uri.UnescapeDataString(parts[0]) == name)
            {
                return parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : "";
            }
        }

        if (Body.Length == 0 || Json.ValueKind != JsonValueKind.Object || !Json.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        };
    }

    public JsonElement Json => Body.Length == 0 ? default : JsonDocument.Parse(Body).RootElement.Clone();

    public string? Str(string property) =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>All text of the message (top-level text and every block's text), JSON-decoded.</summary>
    public string AllText => string.Join('\n', Texts(Json));

    private static IEnumerable<string> Texts(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => p.Name == "text" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : Texts(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Texts),
        _ => [],
    };
}

/// <summary>Everything the fake received, in order, with async waiters: a test awaits the call it expects instead of
/// sleeping.</summary>
internal sealed class FakeSlackRecorder
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly List<FakeSlackCall> _calls = [];
    private readonly List<(Func<FakeSlackCall, bool> Match, TaskCompletionSource<FakeSlackCall> Done)> _waiters = [];
    private readonly Lock _lock = new();
    private long _seq;

    public long NextSeq() => Interlocked.Increment(ref _seq);

    public IReadOnlyList<FakeSlackCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<FakeSlackCall> Named(string name) => Calls.Where(c => c.Name == name).ToList();

    public void Record(FakeSlackCall call)
    {
        lock (_lock)
        {
            _calls.Add(call);
            foreach (var w in _waiters.Where(w => w.Match(call)).ToList())
            {
                _waiters.Remove(w);
                w.Done.TrySetResult(call);
            }
        }
    }

    /// <summary>The first call (already received or still to come) that matches.</summary>
    public Task<FakeSlackCall> WaitForAsync(Func<FakeSlackCall, bool> match, TimeSpan? timeout = null)
    {
        lock (_lock)
        {
            if (_calls.FirstOrDefault(match) is { } done)
            {
                return Task.FromResult(done);
            }

            var tcs = new TaskCompletionSource<FakeSlackCall>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, tcs));
            return tcs.Task.WaitAsync(timeout ?? DefaultTimeout);
        }
    }

    public Task<FakeSlackCall> WaitForAsync(string name, Func<FakeSlackCall, bool>? match = null, TimeSpan? timeout = null) =>
        WaitForAsync(c => c.Name == name && (match is null || match(c)), timeout);
}
