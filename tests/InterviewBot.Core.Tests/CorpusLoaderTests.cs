using InterviewBot.Core;

namespace InterviewBot.Core.Tests;

public sealed class CorpusLoaderTests
{
    private const string GoodArticle = "Interview with Ann Lee\n\nWhere did you grow up?\n\nIn Oslo, by the sea. It was cold.\n";

    [Fact]
    public void A_bad_file_is_reported_with_its_path_and_reason_and_the_rest_still_load()
    {
        using var dir = new TempDir();
        dir.Write("good.txt", GoodArticle);
        var bad = dir.Write("bad.vtt", "WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nBackwards.\n");
        var empty = dir.Write("empty.md", "   \n");
        var corpus = CorpusLoader.Load([dir.Path]);
        Assert.Single(corpus.Interviews);
        Assert.Equal([bad, empty], corpus.Skipped.Select(s => s.Path).Order(StringComparer.Ordinal).ToArray());
        Assert.All(corpus.Skipped, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
    }

    [Fact]
    public void Broken_sidecar_yaml_skips_that_transcript_with_a_reason_naming_the_metadata()
    {
        using var dir = new TempDir();
        dir.Write("a.txt", GoodArticle);
        dir.Write("a.yaml", "title: [unclosed\n");
        var corpus = CorpusLoader.Load([dir.Path]);
        var skipped = Assert.Single(corpus.Skipped);
        Assert.Contains("a.yaml", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Prose_without_questions_is_not_an_interview()
    {
        using var dir = new TempDir();
        dir.Write("essay.txt", "This is an essay. It has no questions at all.\n\nNone whatsoever.\n");
        var skipped = Assert.Single(CorpusLoader.Load([dir.Path]).Skipped);
        Assert.Contains("question", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_files_are_not_loaded_as_transcripts_and_ids_default_to_the_file_name()
    {
        using var dir = new TempDir();
        dir.Write("My Talk.txt", GoodArticle);
        dir.Write("My Talk.yaml", "outlet: Radio\n");
        var interview = Assert.Single(CorpusLoader.Load([dir.Path]).Interviews);
        Assert.Equal("my-talk", interview.Id);
        Assert.Equal("Radio", interview.Metadata.Outlet);
    }

    [Fact]
    public void A_missing_corpus_directory_is_an_error()
    {
        Assert.Throws<DirectoryNotFoundException>(() => CorpusLoader.Load(["/nonexistent/interviewbot"]));
    }
}
