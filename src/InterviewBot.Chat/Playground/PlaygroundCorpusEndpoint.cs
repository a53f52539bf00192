using InterviewBot.Chat.Commands;
using InterviewBot.Chat.Library;
using InterviewBot.Core.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Playground;

/// <summary><c>GET /api/corpus</c>: the interviews in the loaded corpus with their turn and passage counts, and every
/// file that was skipped with the reason. Files are named relative to the corpus directory they were found in.</summary>
internal static class PlaygroundCorpusEndpoint
{
    public static Results<JsonHttpResult<CorpusPage>, ProblemHttpResult> Get(LibraryHolder library, IOptions<CorpusOptions> options)
    {
        if (!library.IsLoaded)
        {
            return PlaygroundInput.NotReady();
        }

        var corpus = library.Current.Corpus;
        var roots = LibraryLoader.Paths(options.Value).Select(Path.GetFullPath).ToList();
        var interviews = corpus.Interviews.Select(i => new CorpusInterview(
            i.Id,
            i.Metadata.Title,
            i.Metadata.Outlet,
            Attribution.FormatDate(i.Metadata.Date),
            Uri.TryCreate(i.Metadata.Url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u.AbsoluteUri : null,
            i.Turns.Where(t => t.Role == SpeakerRole.Interviewee).Select(t => t.Speaker).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            i.Turns.Count,
            Passages(i),
            Display(i.SourcePath, roots))).ToList();
        var skipped = corpus.Skipped.Select(s => new CorpusSkip(Display(s.Path, roots), s.Reason)).ToList();
        return PlaygroundJson.Result(new CorpusPage(interviews.Count, interviews.Sum(i => i.Passages), interviews, skipped));
    }

    /// <summary>As the index counts them: one passage starting at each sentence of every turn that is not the
    /// interviewer's.</summary>
    public static int Passages(Interview interview) =>
        interview.Turns.Where(t => t.Role != SpeakerRole.Interviewer).Sum(t => t.Sentences.Count);

    private static string Display(string path, List<string> roots)
    {
        var full = Path.GetFullPath(path);
        foreach (var root in roots.Where(Directory.Exists))
        {
            var relative = Path.GetRelativePath(root, full);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                return relative;
            }
        }

        return Path.GetFileName(full);
    }
}

/// <param name="InterviewCount">How many interviews loaded.</param>
/// <param name="PassageCount">How many passages the index holds.</param>
internal sealed record CorpusPage(int InterviewCount, int PassageCount, IReadOnlyList<CorpusInterview> Interviews, IReadOnlyList<CorpusSkip> Skipped);

/// <param name="Date">As the platforms show it, e.g. "April 2020".</param>
/// <param name="Speakers">The interviewees.</param>
internal sealed record CorpusInterview(
    string Id, string Title, string? Outlet, string? Date, string? Url, IReadOnlyList<string> Speakers, int Turns, int Passages, string File);

internal sealed record CorpusSkip(string File, string Reason);
