using InterviewBot.Chat.Library;

namespace InterviewBot.Chat.Tests.Loading;

/// <summary>Which file events a corpus watch reacts to.</summary>
public sealed class CorpusWatchTests
{
    [Theory]
    [InlineData("/corpus/a.txt", true)]
    [InlineData("/corpus/sub/b.VTT", true)]
    [InlineData("/corpus/a.yaml", true)]
    [InlineData("/corpus/a.yml", true)]
    [InlineData("/corpus/a.json", true)]
    [InlineData("/corpus/talks", true)] // maybe a directory moved in or out
    [InlineData("/corpus/.a.txt.swp", false)]
    [InlineData("/corpus/a.txt~", false)]
    [InlineData("/corpus/notes.docx", false)]
    public void A_directory_watch_reacts_to_transcripts_metadata_and_subdirectories(string path, bool relevant) =>
        Assert.Equal(relevant, new CorpusWatch("/corpus", null).IsRelevant(path));

    [Theory]
    [InlineData("/corpus/a.txt", true)]
    [InlineData("/corpus/a.yaml", true)]
    [InlineData("/corpus/a.txt.yml", true)]
    [InlineData("/corpus/b.txt", false)]
    [InlineData("/corpus/b.yaml", false)]
    public void A_single_file_watch_reacts_to_that_file_and_its_sidecar_only(string path, bool relevant) =>
        Assert.Equal(relevant, new CorpusWatch("/corpus", "/corpus/a.txt").IsRelevant(path));

    [Fact]
    public async Task A_transcript_added_in_a_subdirectory_is_picked_up()
    {
        await using var rig = await ReloadRig.StartAsync();
        var reloaded = rig.Until(r => r.Interviews == 2);
        rig.Dir.Write(Path.Combine("2024", "ada-quill.txt"), CorpusReloadTests.Kettles);
        await reloaded;
        Assert.NotNull(rig.Holder.Current.InterviewById("ada-quill"));
    }

    [Fact]
    public async Task A_corpus_directory_replaced_in_one_go_is_watched_again()
    {
        await using var rig = await ReloadRig.StartAsync();
        using var staging = new TempDir();
        foreach (var file in Directory.GetFiles(rig.Dir.Path))
        {
            File.Copy(file, Path.Combine(staging.Path, Path.GetFileName(file)));
        }

        // rm -rf corpus && mv staging corpus, faster than the periodic existence check.
        var replaced = rig.NextReload();
        Directory.Delete(rig.Dir.Path, recursive: true);
        Directory.Move(staging.Path, rig.Dir.Path);
        await replaced;

        var added = rig.Until(r => r.Interviews == 2);
        rig.Dir.Write("ada-quill.txt", CorpusReloadTests.Kettles);
        await added;
        Assert.NotNull(rig.Holder.Current.InterviewById("ada-quill"));
    }
}
