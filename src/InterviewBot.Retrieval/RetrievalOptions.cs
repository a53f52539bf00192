namespace InterviewBot.Retrieval;

/// <summary>Ranking weights and the abstention threshold. The defaults were chosen on the development set
/// (eval/dev.jsonl plus the seed set); see README "Retrieval quality".</summary>
public sealed record RetrievalOptions
{
    /// <summary>Weight of the whole answer's BM25 score (the passage's surroundings).</summary>
    public double TurnWeight { get; init; } = 0.3;

    /// <summary>Weight of the BM25 score of the interviewer's question the answer replies to.</summary>
    public double ContextWeight { get; init; } = 0.5;

    /// <summary>How fast the question's weight fades along its answer: 1 / (1 + decay × sentence index).</summary>
    public double PositionDecay { get; init; } = 0.3;

    /// <summary>Weight of the cosine similarity of the ML.NET embeddings.</summary>
    public double DenseWeight { get; init; } = 0;

    /// <summary>Bonus when the question names the quote's speaker.</summary>
    public double SpeakerBonus { get; init; } = 0.5;

    /// <summary>Multiplier for narration (the article's author), so interviewees win ties.</summary>
    public double NarratorFactor { get; init; } = 0.7;

    /// <summary>Weight of pseudo-relevance feedback (0 turns it off).</summary>
    public double FeedbackWeight { get; init; } = 0.3;

    /// <summary>How many top passages feedback terms come from.</summary>
    public int FeedbackPassages { get; init; } = 3;

    /// <summary>How many feedback terms are added.</summary>
    public int FeedbackTerms { get; init; } = 10;

    /// <summary>Answer only when the confidence (share of the question's weighted terms that the best passage, its
    /// answer, its question and its speaker cover) reaches this.</summary>
    public double AbstainBelow { get; init; } = 0.3;

    /// <summary>How many lexical candidates are re-ranked with embeddings.</summary>
    public int Candidates { get; init; } = 300;

    public static RetrievalOptions Default { get; } = new();

    /// <summary>Whether ranking reads embeddings, so the index must be built with them.</summary>
    public bool UsesEmbeddings => DenseWeight != 0;

    /// <summary>Returns a copy with one setting changed, from "Name=value" (for ablations: eval --option).</summary>
    public RetrievalOptions With(string assignment)
    {
        var parts = assignment.Split('=', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v))
        {
            throw new ArgumentException($"option '{assignment}' must be Name=number");
        }

        return parts[0].ToLowerInvariant() switch
        {
            "turnweight" => this with { TurnWeight = v },
            "contextweight" => this with { ContextWeight = v },
            "positiondecay" => this with { PositionDecay = v },
            "denseweight" => this with { DenseWeight = v },
            "speakerbonus" => this with { SpeakerBonus = v },
            "narratorfactor" => this with { NarratorFactor = v },
            "abstainbelow" => this with { AbstainBelow = v },
            "candidates" => this with { Candidates = (int)v },
            "feedbackweight" => this with { FeedbackWeight = v },
            "feedbackpassages" => this with { FeedbackPassages = (int)v },
            "feedbackterms" => this with { FeedbackTerms = (int)v },
            _ => throw new ArgumentException($"unknown retrieval option '{parts[0]}' (TurnWeight, ContextWeight, PositionDecay, DenseWeight, SpeakerBonus, NarratorFactor, AbstainBelow, Candidates, FeedbackWeight, FeedbackPassages, FeedbackTerms)"),
        };
    }
}

/// <summary>What to search for.</summary>
public sealed record SearchRequest(string Question, int Top = 3, string? Speaker = null, string? InterviewId = null, int Skip = 0);
