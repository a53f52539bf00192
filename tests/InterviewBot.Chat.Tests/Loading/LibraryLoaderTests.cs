using InterviewBot.Chat.Library;
using InterviewBot.Retrieval.Index;

namespace InterviewBot.Chat.Tests.Loading;

/// <summary>The corpus paths and cache directory that both <c>serve</c> and the command line use.</summary>
public sealed class LibraryLoaderTests
{
    /// <summary>INTERVIEWBOT_CACHE, when a developer has it set, wins over the setting.</summary>
    private static readonly string? EnvironmentOverride = Environment.GetEnvironmentVariable("INTERVIEWBOT_CACHE") is { Length: > 0 } v ? v : null;

    [Fact]
    public void Without_configured_directories_the_bundled_seeds_are_used() =>
        Assert.Equal("seeds", Path.GetFileName(Assert.Single(LibraryLoader.Paths(new CorpusOptions()))));

    [Fact]
    public void Configured_directories_are_kept_in_order()
    {
        var paths = LibraryLoader.Paths(new CorpusOptions { Directories = [RepoPaths.Seeds, "/no/such/dir"] });
        Assert.Equal([RepoPaths.Seeds, "/no/such/dir"], paths);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("none", false)]
    public void The_cache_directory_defaults_to_the_users_cache_and_none_turns_it_off(string? configured, bool usesDefault)
    {
        var expected = usesDefault ? IndexCache.DefaultDirectory : null;
        Assert.Equal(EnvironmentOverride ?? expected, LibraryLoader.CacheDirectory(new IndexOptions { CacheDirectory = configured }));
    }

    [Fact]
    public void A_configured_cache_directory_is_used_as_given()
    {
        Assert.Equal(EnvironmentOverride ?? "/data/cache", LibraryLoader.CacheDirectory(new IndexOptions { CacheDirectory = "/data/cache" }));
    }
}
