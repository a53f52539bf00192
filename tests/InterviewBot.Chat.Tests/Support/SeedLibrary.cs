using InterviewBot.Chat.Library;
using InterviewBot.Core;
using InterviewBot.Retrieval;
using InterviewBot.Retrieval.Index;

namespace InterviewBot.Chat.Tests.Support;

/// <summary>The library over the repository's seed interview, built once per test run.</summary>
internal static class SeedLibrary
{
    private static readonly Lazy<QuoteLibrary> Library = new(() =>
        new QuoteLibrary(new Retriever(PassageIndex.BuildWithoutEmbeddings(CorpusLoader.Load([RepoPaths.Seeds])))));

    public static QuoteLibrary Instance => Library.Value;

    public static LibraryHolder Holder()
    {
        var holder = new LibraryHolder();
        holder.Replace(Instance);
        return holder;
    }
}
