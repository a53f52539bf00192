using System.Globalization;
using InterviewBot.Retrieval.Quotes;

namespace InterviewBot.Chat.Commands;

/// <summary>The attribution line every platform shows under a quote: outlet, date and caption timestamp.</summary>
public static class Attribution
{
    public static string Footer(Quote q)
    {
        var parts = new List<string>();
        if (q.Interview.Outlet is { } outlet)
        {
            parts.Add(outlet);
        }

        if (FormatDate(q.Interview.Date) is { } date)
        {
            parts.Add(date);
        }

        if (Timestamp(q.Timestamp) is { } at)
        {
            parts.Add($"at {at}");
        }

        return parts.Count > 0 ? string.Join(" · ", parts) : q.Interview.Title;
    }

    /// <summary>The interview's URL when it is an absolute http(s) link.</summary>
    public static string? Link(Quote q) =>
        Uri.TryCreate(q.Interview.Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;

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
