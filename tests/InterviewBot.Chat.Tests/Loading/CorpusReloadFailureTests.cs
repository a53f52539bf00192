using Microsoft.Extensions.Logging;

namespace InterviewBot.Chat.Tests.Loading;

/// <summary>Hot reload when things go wrong, and the library a request already holds.</summary>
public sealed class CorpusReloadFailureTests
{
    private const string SeedQuestion = "Why is Heat still the touchstone for action movies?";

    [Fact]
    public async Task A_request_that_captured_the_old_library_keeps_answering_from_it_after_the_swap()
    {
        await using var rig = await ReloadRig.StartAsync();
        var inFlight = rig.Holder.Current;
        var before = await ReloadRig.AskAsync(inFlight, SeedQuestion);

        var reloaded = rig.Until(r => r.Interviews == 2);
        rig.Dir.Write("ada-quill.txt", CorpusReloadTests.Kettles);
        await reloaded;

        Assert.NotSame(inFlight, rig.Holder.Current);
        Assert.Equal(before, await ReloadRig.AskAsync(inFlight, SeedQuestion));
        Assert.Single(inFlight.Corpus.Interviews);
        Assert.DoesNotContain(await ReloadRig.AskAsync(inFlight, CorpusReloadTests.Question), q => q.Contains("kettles", StringComparison.Ordinal));
        Assert.Contains(await ReloadRig.AskAsync(rig.Holder.Current, CorpusReloadTests.Question), q => q.Contains("kettles", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reload_that_would_load_nothing_keeps_the_old_library_and_records_the_error()
    {
        await using var rig = await ReloadRig.StartAsync();
        var serving = rig.Holder.Current;
        var transcript = Path.Combine(rig.Dir.Path, Path.GetFileName(RepoPaths.SeedTranscript));

        var failed = rig.Until(r => !r.Succeeded);
        File.WriteAllText(transcript, "   \n");
        var report = await failed;

        Assert.Same(serving, rig.Holder.Current);
        Assert.Equal(1, rig.Holder.Version);
        Assert.Equal(1, report.Version);
        Assert.Same(report, rig.Holder.LastReload);
        Assert.Same(report, rig.Holder.LastFailure);
        Assert.Contains("no interviews could be loaded", report.Error, StringComparison.Ordinal);
        var skipped = Assert.Single(report.Skipped);
        Assert.Equal((transcript, "empty file"), (skipped.Path, skipped.Reason));
        Assert.Contains(rig.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.StartsWith("Corpus reload failed: ", StringComparison.Ordinal)
            && e.Message.Contains("Still serving the previous library", StringComparison.Ordinal));

        var fixedAgain = rig.Until(r => r.Succeeded);
        File.Copy(RepoPaths.SeedTranscript, transcript, overwrite: true);
        Assert.Equal(2, (await fixedAgain).Version);
        Assert.Same(report, rig.Holder.LastFailure);
    }

    [Fact]
    public async Task A_deleted_corpus_directory_keeps_the_old_library_and_is_watched_again_when_it_comes_back()
    {
        await using var rig = await ReloadRig.StartAsync(checkInterval: TimeSpan.FromMilliseconds(100));
        var serving = rig.Holder.Current;
        using var staging = new TempDir();
        foreach (var file in Directory.GetFiles(rig.Dir.Path))
        {
            File.Copy(file, Path.Combine(staging.Path, Path.GetFileName(file)));
        }

        staging.Write("ada-quill.txt", CorpusReloadTests.Kettles);

        var failed = rig.Until(r => !r.Succeeded);
        Directory.Delete(rig.Dir.Path, recursive: true);
        Assert.Contains("does not exist", (await failed).Error, StringComparison.Ordinal);
        Assert.Same(serving, rig.Holder.Current);
        Assert.Contains(await ReloadRig.AskAsync(rig.Holder.Current, SeedQuestion), q => q.Length > 0);

        var back = rig.Until(r => r.Succeeded);
        Directory.Move(staging.Path, rig.Dir.Path);
        Assert.Equal(2, (await back).Interviews);
        Assert.NotNull(rig.Holder.Current.InterviewById("ada-quill"));
    }

    [Fact]
    public async Task With_watching_off_changes_are_not_picked_up()
    {
        await using var rig = await ReloadRig.StartAsync(watch: false);
        var attempts = 0;
        rig.Holder.Reloaded += (_, _) => Interlocked.Increment(ref attempts);

        rig.Dir.Write("ada-quill.txt", CorpusReloadTests.Kettles);
        await Task.Delay(ReloadRig.Delay * 5);

        Assert.True(rig.Watcher.ExecuteTask?.IsCompletedSuccessfully);
        Assert.Equal(0, Volatile.Read(ref attempts));
        Assert.Equal(1, rig.Holder.Version);
    }
}
