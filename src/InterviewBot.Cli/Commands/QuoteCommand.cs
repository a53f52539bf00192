using System.CommandLine;
using InterviewBot.Cli.Output;
using InterviewBot.Retrieval;
using InterviewBot.Retrieval.Quotes;

namespace InterviewBot.Cli.Commands;

/// <summary><c>quote [--speaker] [--interview] [--search]</c>: look a quote up; without search text, a random one
/// among the matches.</summary>
internal static class QuoteCommand
{
    public static Command Create(TextWriter stdout)
    {
        var speaker = new Option<string?>("--speaker") { Description = "Only quotes by this speaker." };
        var interview = new Option<string?>("--interview") { Description = "Only quotes from this interview id (see 'interviews')." };
        var search = new Option<string?>("--search") { Description = "Text to search for." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var seed = new Option<int?>("--seed") { Description = "Seed for the random pick (for repeatable output)." };
        var command = new Command("quote", "Look up a quote by speaker, interview or text.") { speaker, interview, search, json, seed };
        CorpusSource.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var who = parse.GetValue(speaker);
            var id = parse.GetValue(interview);
            var text = parse.GetValue(search);
            var retriever = CorpusSource.LoadRetriever(parse, Console.Error);
            if (id is not null && !retriever.Index.Corpus.Interviews.Any(i => i.Id.Equals(id, StringComparison.OrdinalIgnoreCase)))
            {
                throw new CliException($"no interview with id '{id}' (see 'interviewbot interviews')", CliApp.Failure);
            }

            Quote? quote;
            if (!string.IsNullOrWhiteSpace(text))
            {
                AskCommand.Validate(text);
                var answer = await retriever.AskAsync(new SearchRequest(text, 1, who, id), ct).ConfigureAwait(false);
                quote = answer.Quotes.FirstOrDefault();
            }
            else
            {
                var random = parse.GetValue(seed) is { } s ? new Random(s) : System.Random.Shared;
                quote = new QuoteBook(retriever.Index.Corpus).Random(random, who, id);
            }

            if (quote is null)
            {
                await stdout.WriteLineAsync(parse.GetValue(json) ? "null" : "No quote matches that.").ConfigureAwait(false);
                return 1;
            }

            await stdout.WriteLineAsync(parse.GetValue(json) ? QuoteJson.Serialize(QuoteJson.From(quote)) : QuoteFormatter.Render(quote)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
