using InterviewBot.Core;
using InterviewBot.Retrieval.Index;

namespace InterviewBot.Retrieval.Tests;

/// <summary>The seed corpus, indexed once for the whole test run.</summary>
internal static class SeedIndex
{
    private static readonly Lazy<PassageIndex> Lazy = new(() => PassageIndex.Build(CorpusLoader.Load([RepoPaths.Seeds])));

    public static PassageIndex Index => Lazy.Value;

    public static Retriever Retriever => new(Index);
}
