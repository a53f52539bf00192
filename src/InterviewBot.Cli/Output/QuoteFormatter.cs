using InterviewBot.Chat.Commands;
using InterviewBot.Retrieval.Quotes;

namespace InterviewBot.Cli.Output;

/// <summary>Plain-text rendering of quotes for the terminal.</summary>
internal static class QuoteFormatter
{
    public static string Render(Quote q)
    {
        var where = new List<string> { $"“{q.Interview.Title}”" };
        if (q.Interview.Outlet is { } outlet)
        {
            where.Add(outlet);
        }

        if (Attribution.FormatDate(q.Interview.Date) is { } date)
        {
            where.Add(date);
        }

        if (Attribution.Timestamp(q.Timestamp) is { } ts)
        {
            where.Add($"at {ts}");
        }

        var role = q.Role == Core.Model.SpeakerRole.Interviewee ? string.Empty : $" ({q.Role.ToString().ToLowerInvariant()})";
        var link = q.Interview.Url is { } url ? $"\n    {url}" : string.Empty;
        return $"“{q.Text}”\n    — {q.Speaker}{role}, {string.Join(", ", where)}{link}";
    }
}
