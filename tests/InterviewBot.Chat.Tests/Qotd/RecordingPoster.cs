using System.Globalization;
using InterviewBot.Chat.Commands;
using InterviewBot.Chat.Qotd;
using InterviewBot.Retrieval.Quotes;

namespace InterviewBot.Chat.Tests.Qotd;

/// <summary>A platform that keeps what is posted to it, for scheduler tests: failures can be scripted, and a post can
/// land while its response is lost (as with a timeout after the platform accepted it).</summary>
internal sealed class RecordingPoster(string platform, TimeProvider time) : IQotdPoster
{
    private readonly List<Posted> _posts = [];
    private readonly Queue<QotdPostException> _failures = new();
    private int _loseResponses;

    public string Platform { get; } = platform;

    public string? Unavailable { get; set; }

    public IReadOnlyList<Posted> Posts
    {
        get
        {
            lock (_posts)
            {
                return _posts.ToList();
            }
        }
    }

    /// <summary>How long each post takes on the (fake) clock, and what else happens meanwhile.</summary>
    public TimeSpan PostTakes { get; set; }

    public Func<string, Task>? WhilePosting { get; set; }

    /// <summary>How many times <see cref="PostAsync"/> was called, including failures.</summary>
    public int Calls { get; private set; }

    /// <summary>The next calls fail with these, in order.</summary>
    public void FailNext(params QotdPostException[] failures)
    {
        lock (_posts)
        {
            foreach (var f in failures)
            {
                _failures.Enqueue(f);
            }
        }
    }

    /// <summary>The next <paramref name="count"/> posts land, but the caller sees a timeout.</summary>
    public void LoseResponses(int count) => _loseResponses = count;

    /// <summary>A post made by someone else (e.g. a replica that crashed before recording it).</summary>
    public void Add(string channelId, string heading, Quote quote) => Record(channelId, heading, quote);

    public async Task<string> PostAsync(string channelId, ChatReply reply, CancellationToken ct)
    {
        if (PostTakes > TimeSpan.Zero && time is Microsoft.Extensions.Time.Testing.FakeTimeProvider fake)
        {
            fake.Advance(PostTakes);
        }

        if (WhilePosting is { } meanwhile)
        {
            await meanwhile(channelId);
        }

        lock (_posts)
        {
            Calls++;
            if (_failures.TryDequeue(out var failure))
            {
                throw failure;
            }
        }

        var id = Record(channelId, reply.Heading!, reply.Quotes.Single());
        if (_loseResponses > 0)
        {
            _loseResponses--;
            throw new QotdPostException("the request timed out", permanent: false);
        }

        return id;
    }

    public Task<string?> FindPostedAsync(string channelId, string heading, DateTimeOffset since, CancellationToken ct) =>
        Task.FromResult(Posts.LastOrDefault(p => p.ChannelId == channelId && p.Heading == heading && p.At >= since)?.Id);

    private string Record(string channelId, string heading, Quote quote)
    {
        lock (_posts)
        {
            var id = (_posts.Count + 1).ToString(CultureInfo.InvariantCulture);
            _posts.Add(new Posted(id, channelId, heading, quote, time.GetUtcNow()));
            return id;
        }
    }
}

internal sealed record Posted(string Id, string ChannelId, string Heading, Quote Quote, DateTimeOffset At);
