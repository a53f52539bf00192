using InterviewBot.Chat.Commands;
using InterviewBot.Chat.Hosting;
using InterviewBot.Chat.Library;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Tests.Loading;

/// <summary>Hot reload in the real <c>serve</c> host, and its settings.</summary>
public sealed class CorpusReloadHostTests
{
    [Fact]
    public async Task The_served_bot_answers_from_a_transcript_added_while_it_runs()
    {
        using var corpus = SeedCopy();
        using var data = new TempDir();
        await using var app = await StartAsync(corpus, data);
        var holder = app.Services.GetRequiredService<LibraryHolder>();
        Assert.Equal(("start", 1L, true), (holder.LastReload?.Trigger, holder.Version, holder.LastReload?.Succeeded));

        var reloaded = Next(holder, r => r.Interviews == 2);
        corpus.Write("ada-quill.txt", CorpusReloadTests.Kettles);
        var report = await reloaded;

        Assert.Equal(2, report.Version);
        Assert.Contains("ada-quill.txt", report.Trigger, StringComparison.Ordinal);
        var reply = await app.Services.GetRequiredService<ChatRouter>().HandleAsync(new AskRequest(CorpusReloadTests.Question));
        Assert.Contains(reply.Quotes, q => q.Text.Contains("choir of kettles", StringComparison.Ordinal) && q.Speaker == "Ada Quill");
    }

    [Fact]
    public async Task The_served_bot_does_not_watch_when_Corpus_Watch_is_false()
    {
        using var corpus = SeedCopy();
        using var data = new TempDir();
        await using var app = await StartAsync(corpus, data, new() { ["Corpus:Watch"] = "false" });
        var holder = app.Services.GetRequiredService<LibraryHolder>();
        var watcher = app.Services.GetServices<IHostedService>().OfType<CorpusWatcher>().Single();
        await watcher.Ready.WaitAsync(ReloadRig.Patience);

        corpus.Write("ada-quill.txt", CorpusReloadTests.Kettles);
        await Task.Delay(ReloadRig.Delay * 5);

        Assert.True(watcher.ExecuteTask?.IsCompletedSuccessfully);
        Assert.Equal(1, holder.Version);
    }

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("01:00:00")]
    public async Task An_out_of_range_reload_delay_stops_start_up_naming_the_setting(string delay)
    {
        using var corpus = SeedCopy();
        using var data = new TempDir();
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(corpus, data, new() { ["Corpus:ReloadDelay"] = delay }));
        Assert.Contains("Corpus:ReloadDelay must be between 00:00:00 and 00:10:00", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_corpus_directory_is_rejected_naming_the_setting()
    {
        var result = new CorpusOptionsValidator().Validate(null, new CorpusOptions { Directories = ["seeds", " "] });
        Assert.Equal(["Corpus:Directories:1 is empty; give a directory or file of transcripts"], result.Failures);
    }

    [Fact]
    public void The_defaults_watch_and_wait_a_second()
    {
        var options = new CorpusOptions();
        Assert.Equal((true, TimeSpan.FromSeconds(1)), (options.Watch, options.ReloadDelay));
        Assert.True(new CorpusOptionsValidator().Validate(null, options).Succeeded);
    }

    private static TempDir SeedCopy()
    {
        var dir = new TempDir();
        foreach (var file in new[] { RepoPaths.SeedTranscript, Path.ChangeExtension(RepoPaths.SeedTranscript, ".yaml") })
        {
            File.Copy(file, Path.Combine(dir.Path, Path.GetFileName(file)));
        }

        return dir;
    }

    private static Task<LibraryReload> Next(LibraryHolder holder, Func<LibraryReload, bool> done)
    {
        var next = new TaskCompletionSource<LibraryReload>(TaskCreationOptions.RunContinuationsAsynchronously);
        holder.Reloaded += (_, r) =>
        {
            if (done(r))
            {
                next.TrySetResult(r);
            }
        };
        return next.Task.WaitAsync(ReloadRig.Patience);
    }

    private static async Task<WebApplication> StartAsync(TempDir corpus, TempDir data, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Corpus:Directories:0"] = corpus.Path,
            ["Corpus:ReloadDelay"] = "00:00:00.1",
            ["Index:CacheDirectory"] = "none",
            ["Store:DataDirectory"] = data.Path,
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var app = BotHost.Build(["--urls=http://127.0.0.1:0"], b =>
        {
            b.Configuration.AddInMemoryCollection(settings);
            b.Logging.ClearProviders();
        });
        try
        {
            await app.StartAsync();
            await app.Services.GetServices<IHostedService>().OfType<CorpusWatcher>().Single().Ready.WaitAsync(ReloadRig.Patience);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
