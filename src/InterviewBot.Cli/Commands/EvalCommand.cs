using System.CommandLine;
using System.Globalization;
using InterviewBot.Cli.Output;
using InterviewBot.Retrieval.Evaluation;

namespace InterviewBot.Cli.Commands;

/// <summary><c>eval FILE.jsonl</c>: retrieval quality on a question set.</summary>
internal static class EvalCommand
{
    public static Command Create(TextWriter stdout)
    {
        var file = new Argument<string>("file") { Description = "Eval set (JSONL: id, question, evidence[], answerable[, speaker])." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("eval", "Measure hit@1, hit@3, MRR@10 and abstention on a question set.") { file, json, CorpusSource.RetrievalOption };
        CorpusSource.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CliException($"eval file not found: {path}", CliApp.Failure);
            }

            var items = EvalItem.ReadFile(path);
            var retriever = CorpusSource.LoadRetriever(parse, Console.Error, CorpusSource.Settings(parse));
            var r = await Evaluator.RunAsync(retriever, items, ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await stdout.WriteLineAsync(QuoteJson.Serialize(r)).ConfigureAwait(false);
                return 0;
            }

            var inv = CultureInfo.InvariantCulture;
            await stdout.WriteLineAsync(string.Create(inv, $"questions {r.Questions} (answerable {r.Answerable}, unanswerable {r.Unanswerable})")).ConfigureAwait(false);
            await stdout.WriteLineAsync(string.Create(inv, $"hit@1 {r.HitAt1:0.000}  hit@3 {r.HitAt3:0.000}  MRR@10 {r.MrrAt10:0.000}")).ConfigureAwait(false);
            await stdout.WriteLineAsync(string.Create(inv, $"abstained on unanswerable {r.AbstainedOnUnanswerable:0.000}  false abstentions {r.FalseAbstentions:0.000}")).ConfigureAwait(false);
            await stdout.WriteLineAsync(string.Create(inv, $"speaker correct on hits {(r.SpeakerChecked == 0 ? "n/a" : r.SpeakerCorrect.ToString("0.000", inv))} ({r.SpeakerChecked} checked)  non-verbatim quotes {r.NonVerbatim}")).ConfigureAwait(false);
            if (r.Misses.Count > 0)
            {
                await stdout.WriteLineAsync($"misses ({r.Misses.Count}):").ConfigureAwait(false);
                foreach (var m in r.Misses)
                {
                    var top = m.TopQuote is null ? "" : $"\n      top: {Short(m.TopQuote)}";
                    await stdout.WriteLineAsync($"  {m.Id} {m.Question} — {m.Why}{top}").ConfigureAwait(false);
                }
            }

            return 0;
        });
        return command;
    }

    private static string Short(string s) => s.Length > 140 ? s[..140] + "…" : s;
}
