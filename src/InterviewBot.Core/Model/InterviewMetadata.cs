namespace InterviewBot.Core.Model;

/// <summary>What is known about an interview: from a sidecar YAML file, front matter, or inferred from the text.</summary>
public sealed record InterviewMetadata
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? Outlet { get; init; }
    /// <summary>Publication date as written in the metadata: YYYY, YYYY-MM or YYYY-MM-DD.</summary>
    public string? Date { get; init; }
    public string? Url { get; init; }
    /// <summary>The article's author: the narrator of any introduction.</summary>
    public string? Author { get; init; }
    public IReadOnlyList<string> Interviewers { get; init; } = [];
    public IReadOnlyList<string> Interviewees { get; init; } = [];
    /// <summary>Speaker labels as they appear in the transcript (e.g. "THE PRESIDENT", "Q", "KK") mapped to full names.</summary>
    public IReadOnlyDictionary<string, string> Speakers { get; init; } = new Dictionary<string, string>();
    /// <summary>Forces a parser: article, labelled, markdown, captions. Null means detect.</summary>
    public string? Format { get; init; }
}
