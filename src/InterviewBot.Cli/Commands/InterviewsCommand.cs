using System.CommandLine;
using InterviewBot.Core.Model;

namespace InterviewBot.Cli.Commands;

/// <summary><c>interviews</c>: the corpus, with turn and passage counts and any skipped files.</summary>
internal static class InterviewsCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("interviews", "List the interviews in the corpus and any files skipped.");
        CorpusSource.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var corpus = CorpusSource.LoadCorpus(parse);
            foreach (var interview in corpus.Interviews)
            {
                var m = interview.Metadata;
                var passages = interview.Turns.Where(t => t.Role != SpeakerRole.Interviewer).Sum(t => t.Sentences.Count);
                var speakers = string.Join(", ", interview.Turns.GroupBy(t => (t.Speaker, t.Role)).Select(g => $"{g.Key.Speaker} ({g.Key.Role.ToString().ToLowerInvariant()})"));
                await stdout.WriteLineAsync($"{m.Id}\t{m.Title}\t{m.Outlet ?? "-"}\t{m.Date ?? "-"}\tturns {interview.Turns.Count}\tpassages {passages}\n    speakers: {speakers}\n    file: {interview.SourcePath}").ConfigureAwait(false);
            }

            var total = corpus.Interviews.SelectMany(i => i.Turns).Where(t => t.Role != SpeakerRole.Interviewer).Sum(t => t.Sentences.Count);
            await stdout.WriteLineAsync($"{corpus.Interviews.Count} interviews, {total} passages, {corpus.Skipped.Count} skipped").ConfigureAwait(false);
            foreach (var s in corpus.Skipped)
            {
                await stdout.WriteLineAsync($"skipped {s.Path}: {s.Reason}").ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}
