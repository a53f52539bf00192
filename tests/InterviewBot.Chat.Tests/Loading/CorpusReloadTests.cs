using Microsoft.Extensions.Logging;

namespace InterviewBot.Chat.Tests.Loading;

/// <summary>Hot reload: changes in the corpus directory re-index in the background and swap the library atomically.</summary>
public sealed class CorpusReloadTests
{
    internal const string Question = "What do zeppelins sound like at dawn?";

    internal static readonly string Kettles = Article("The brass fittings hum like a choir of kettles.");

    internal static string Article(string answer) => $"Interview with Ada Quill\n\n{Question}\n\n{answer} Nobody else on the airfield hears it.\n";

    [Fact]
    public async Task Adding_a_transcript_makes_its_quotes_answerable()
    {
        await using var rig = await ReloadRig.StartAsync();
        Assert.DoesNotContain(await ReloadRig.AskAsync(rig.Holder.Current, Question), q => q.Contains("kettles", StringComparison.Ordinal));

        var reloaded = rig.Until(r => r.Interviews == 2);
        rig.Dir.Write("ada-quill.txt", Kettles);
        var report = await reloaded;

        Assert.True(report.Succeeded);
        Assert.Equal(2, rig.Holder.Version);
        Assert.Contains(await ReloadRig.AskAsync(rig.Holder.Current, Question), q => q.Contains("choir of kettles", StringComparison.Ordinal));
        Assert.Contains(rig.Logs.Entries, e => e.Message.StartsWith("Corpus reloaded: 2 interviews", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Changing_a_transcripts_text_changes_the_answer()
    {
        await using var rig = await ReloadRig.StartAsync();
        var added = rig.Until(r => r.Interviews == 2);
        var file = rig.Dir.Write("ada-quill.txt", Kettles);
        await added;

        var changed = rig.Until(_ => rig.Holder.Current.InterviewById("ada-quill")?.Turns.Any(t => t.Sentences.Any(s => s.Text.Contains("starlings", StringComparison.Ordinal))) == true);
        File.WriteAllText(file, Article("The brass fittings whistle like a flock of starlings."));
        await changed;

        var quotes = await ReloadRig.AskAsync(rig.Holder.Current, Question);
        Assert.Contains(quotes, q => q.Contains("flock of starlings", StringComparison.Ordinal));
        Assert.DoesNotContain(quotes, q => q.Contains("kettles", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Changing_a_sidecar_metadata_file_reloads_the_interview()
    {
        await using var rig = await ReloadRig.StartAsync();
        var added = rig.Until(r => r.Interviews == 2);
        rig.Dir.Write("ada-quill.txt", Kettles);
        await added;

        var retitled = rig.Until(_ => rig.Holder.Current.InterviewById("ada-quill")?.Metadata.Title == "Airship acoustics");
        rig.Dir.Write("ada-quill.yaml", "title: Airship acoustics\ninterviewee: Ada Quill\n");
        await retitled;
    }

    [Fact]
    public async Task Removing_a_transcript_removes_its_quotes()
    {
        await using var rig = await ReloadRig.StartAsync();
        var added = rig.Until(r => r.Interviews == 2);
        var file = rig.Dir.Write("ada-quill.txt", Kettles);
        await added;

        var removed = rig.Until(r => r.Interviews == 1);
        File.Delete(file);
        await removed;

        Assert.Null(rig.Holder.Current.InterviewById("ada-quill"));
        Assert.DoesNotContain(await ReloadRig.AskAsync(rig.Holder.Current, Question), q => q.Contains("kettles", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_broken_file_added_alongside_is_reported_with_its_reason_and_the_rest_still_load()
    {
        await using var rig = await ReloadRig.StartAsync();
        var reloaded = rig.Until(r => r.Interviews == 2 && r.Skipped.Count == 1);
        var broken = rig.Dir.Write("broken.vtt", "WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nBackwards.\n");
        rig.Dir.Write("ada-quill.txt", Kettles);
        var report = await reloaded;

        Assert.True(report.Succeeded);
        var skipped = Assert.Single(report.Skipped);
        Assert.Equal(broken, skipped.Path);
        Assert.False(string.IsNullOrWhiteSpace(skipped.Reason));
        Assert.Equal(report.Skipped, rig.Holder.Current.Corpus.Skipped);
        Assert.Contains(rig.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(broken, StringComparison.Ordinal) && e.Message.Contains(skipped.Reason, StringComparison.Ordinal));
        Assert.Contains(await ReloadRig.AskAsync(rig.Holder.Current, Question), q => q.Contains("kettles", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_burst_of_ten_writes_gives_one_reload_not_ten()
    {
        await using var rig = await ReloadRig.StartAsync();
        var attempts = 0;
        rig.Holder.Reloaded += (_, _) => Interlocked.Increment(ref attempts);
        var all = rig.Until(r => r.Interviews == 11);

        for (var i = 0; i < 10; i++)
        {
            rig.Dir.Write($"ada-{i}.txt", Kettles);
        }

        await all;
        await Task.Delay(ReloadRig.Delay * 3); // room for any straggling reload to show up
        Assert.InRange(Volatile.Read(ref attempts), 1, 2);
    }

    [Fact]
    public async Task A_change_made_while_a_reload_is_finishing_gets_a_reload_of_its_own()
    {
        await using var rig = await ReloadRig.StartAsync();
        void WriteSecond(object? sender, Library.LibraryReload report)
        {
            rig.Holder.Reloaded -= WriteSecond;
            rig.Dir.Write("ada-2.txt", Kettles);
        }

        rig.Holder.Reloaded += WriteSecond;
        var both = rig.Until(r => r.Interviews == 3);
        rig.Dir.Write("ada-1.txt", Kettles);

        Assert.True((await both).Succeeded);
    }
}
