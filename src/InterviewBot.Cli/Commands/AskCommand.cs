using System.CommandLine;
using System.Text.Json;
using InterviewBot.Chat.Commands;
using InterviewBot.Cli.Output;
using InterviewBot.Retrieval;

namespace InterviewBot.Cli.Commands;

/// <summary><c>ask "question"</c> and <c>ask --batch FILE.jsonl --json</c>.</summary>
internal static class AskCommand
{
    public static Command Create(TextWriter stdout)
    {
        var question = new Argument<string?>("question") { Description = "The question to answer.", Arity = ArgumentArity.ZeroOrOne };
        var top = new Option<int>("--top") { Description = "How many quotes (1–10).", DefaultValueFactory = _ => 3 };
        var speaker = new Option<string?>("--speaker") { Description = "Only quotes by this speaker (e.g. \"Russo\")." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var batch = new Option<string?>("--batch") { Description = "A JSONL file of {\"id\",\"question\"} lines; prints one JSON line each." };
        var command = new Command("ask", "Answer a question with verbatim quotes.") { question, top, speaker, json, batch };
        CorpusSource.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(top);
            if (n is < 1 or > 10)
            {
                throw new CliException("--top must be between 1 and 10");
            }

            var who = parse.GetValue(speaker);
            if (parse.GetValue(batch) is { } file)
            {
                var retriever = CorpusSource.LoadRetriever(parse, Console.Error);
                return await RunBatchAsync(retriever, file, n, who, stdout, ct).ConfigureAwait(false);
            }

            var q = parse.GetValue(question);
            Validate(q);
            var r = CorpusSource.LoadRetriever(parse, Console.Error);
            var answer = await r.AskAsync(new SearchRequest(q!, n, who), ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await stdout.WriteLineAsync(QuoteJson.Serialize(new QuoteJson.AnswerDto(null, answer.Question, answer.Answered, answer.Quotes.Select(QuoteJson.From).ToList()))).ConfigureAwait(false);
            }
            else if (!answer.Answered)
            {
                await stdout.WriteLineAsync(ChatRouter.NoAnswer(answer)).ConfigureAwait(false);
            }
            else
            {
                await stdout.WriteLineAsync(string.Join("\n\n", answer.Quotes.Select(QuoteFormatter.Render))).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    /// <summary>Rejects empty and over-long questions with one clear line.</summary>
    public static void Validate(string? question)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            throw new CliException("the question is empty: ask \"your question\"");
        }

        if (question.Trim().Length > Retriever.MaxQuestionLength)
        {
            throw new CliException($"the question is {question.Trim().Length} characters; the limit is {Retriever.MaxQuestionLength}");
        }
    }

    /// <summary>One JSON line per input line. A bad line gets a JSON line with an "error" and the rest still run;
    /// the exit code is 1 when any line failed.</summary>
    private static async Task<int> RunBatchAsync(Retriever retriever, string file, int top, string? speaker, TextWriter stdout, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            throw new CliException($"batch file not found: {file}", CliApp.Failure);
        }

        var failed = 0;
        var lineNo = 0;
        foreach (var line in await File.ReadAllLinesAsync(file, ct).ConfigureAwait(false))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string? id = null;
            string? q = null;
            try
            {
                using (var doc = JsonDocument.Parse(line))
                {
                    id = doc.RootElement.TryGetProperty("id", out var i) ? i.ToString() : null;
                    q = doc.RootElement.TryGetProperty("question", out var qq) && qq.ValueKind == JsonValueKind.String ? qq.GetString() : null;
                }

                Validate(q);
                var answer = await retriever.AskAsync(new SearchRequest(q!, top, speaker), ct).ConfigureAwait(false);
                await stdout.WriteLineAsync(QuoteJson.Serialize(new QuoteJson.AnswerDto(id, answer.Question, answer.Answered, answer.Quotes.Select(QuoteJson.From).ToList()))).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is JsonException or CliException or ArgumentException)
            {
                failed++;
                var message = ex is JsonException ? $"line {lineNo}: not valid JSON" : $"line {lineNo}: {ex.Message}";
                await stdout.WriteLineAsync(QuoteJson.Serialize(new { id, question = q, answered = false, quotes = Array.Empty<object>(), error = message })).ConfigureAwait(false);
            }
        }

        return failed == 0 ? 0 : CliApp.Failure;
    }
}
