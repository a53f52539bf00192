using System.Globalization;
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

        if (FormatDate(q.Interview.Date) is { } date)
        {
            where.Add(date);
        }

        if (Timestamp(q.Timestamp) is { } ts)
        {
            where.Add($"at {ts}");
        }

        var role = q.Role == Core.Model.SpeakerRole.Interviewee ? string.Empty : $" ({q.Role.ToString().ToLowerInvariant()})";
        var link = q.Interview.Url is { } url ? $"\n    {url}" : string.Empty;
        return $"“{q.Text}”\n    — {q.Speaker}{role}, {string.Join(", ", where)}{link}";
    }

    /// <summary>h:mm:ss or m:ss, null when there is no timestamp.</summary>
    public static string? Timestamp(TimeSpan? t) => t switch
    {
        null => null,
        { TotalHours: >= 1 } v => v.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture),
        { } v => v.ToString(@"m\:ss", CultureInfo.InvariantCulture),
    };

    /// <summary>"2020-04" → "April 2020", "2010-02-01" → "1 February 2010"; anything else as written.</summary>
    public static string? FormatDate(string? date)
    {
        if (date is null)
        {
            return null;
        }

        if (DateTime.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        }

        return DateTime.TryParseExact(date, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)
            ? m.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
            : date;
    }
}
