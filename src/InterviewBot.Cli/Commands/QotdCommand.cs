using System.CommandLine;
using System.Globalization;
using InterviewBot.Cli.Output;
using InterviewBot.Retrieval.Quotes;

namespace InterviewBot.Cli.Commands;

/// <summary><c>qotd [--date YYYY-MM-DD]</c>: preview the quote of the day (deterministic per date).</summary>
internal static class QotdCommand
{
    public static Command Create(TextWriter stdout)
    {
        var date = new Option<string?>("--date") { Description = "The day (YYYY-MM-DD); default today (UTC)." };
        var speaker = new Option<string?>("--speaker") { Description = "Only quotes by this speaker." };
        var json = new Option<bool>("--json") { Description = "Print JSON: {\"date\",\"quote\"}." };
        var command = new Command("qotd", "Preview the quote of the day.") { date, speaker, json };
        CorpusSource.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var day = DateOnly.FromDateTime(DateTime.UtcNow);
            if (parse.GetValue(date) is { } d && !DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            {
                throw new CliException($"--date must be YYYY-MM-DD, got '{d}'");
            }

            var corpus = CorpusSource.LoadCorpus(parse);
            var quote = new QuoteBook(corpus).OfTheDay(day, parse.GetValue(speaker));
            var dateText = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (parse.GetValue(json))
            {
                await stdout.WriteLineAsync(QuoteJson.Serialize(new { date = dateText, quote = quote is null ? null : QuoteJson.From(quote) })).ConfigureAwait(false);
            }
            else
            {
                await stdout.WriteLineAsync(quote is null ? "No quote available." : $"Quote of the day, {dateText}:\n{QuoteFormatter.Render(quote)}").ConfigureAwait(false);
            }

            return quote is null ? 1 : 0;
        });
        return command;
    }
}
