using InterviewBot.Core.Model;
using InterviewBot.Retrieval.Text;

namespace InterviewBot.Retrieval.Tests;

public sealed class AcronymsTests
{
    private static Corpus With(params string[] sentences)
    {
        var meta = new InterviewMetadata { Id = "t", Title = "T" };
        var turn = new Turn(0, "A", SpeakerRole.Interviewee, sentences.Select(s => new Sentence(s)).ToList());
        return new Corpus([new Interview(meta, "t.txt", [turn])], []);
    }

    [Fact]
    public void Definitions_in_the_corpus_make_acronym_and_long_form_equivalent_both_ways()
    {
        var acronyms = Acronyms.Find(With(
            "Their cornerstone project, Dynamic Resource Allocation (DRA), graduated.",
            "We founded the Deaf and Hard-of-hearing Working Group (DHHWG) last year."));
        Assert.Equal(2, acronyms.Count);
        Assert.Equal(["dra", "dynam", "resourc", "alloc"], acronyms.Expand(["dra"]));
        Assert.Contains("dhhwg", acronyms.Expand(Analyzer.QueryTerms("the deaf and hard of hearing working group")));
    }

    [Fact]
    public void A_parenthesised_word_whose_letters_do_not_match_the_words_before_it_is_not_an_acronym()
    {
        var acronyms = Acronyms.Find(With("I moved to California (NASA) in 2019.", "It was fun (LOL)."));
        Assert.Equal(0, acronyms.Count);
        Assert.Equal(["nasa"], acronyms.Expand(["nasa"]));
    }
}
