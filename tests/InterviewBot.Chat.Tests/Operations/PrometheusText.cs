using System.Globalization;

namespace InterviewBot.Chat.Tests.Operations;

/// <summary>Reads series out of a Prometheus text exposition: <c>name{label="value",…} number</c>.</summary>
internal static class PrometheusText
{
    /// <summary>The value of the one series named <paramref name="name"/> that has all <paramref name="labels"/>
    /// (<c>platform="discord"</c> style), or null when there is none.</summary>
    public static double? Value(string metrics, string name, params string[] labels)
    {
        var matches = Series(metrics, name, labels).ToList();
        Assert.True(matches.Count <= 1, $"more than one {name} series with {string.Join(",", labels)}:\n{string.Join('\n', matches)}");
        return matches.Count == 0 ? null : double.Parse(matches[0][(matches[0].LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }

    public static IEnumerable<string> Series(string metrics, string name, params string[] labels) =>
        metrics.Split('\n')
            .Where(l => l.StartsWith(name + "{", StringComparison.Ordinal))
            .Where(l => labels.All(label => l[..l.LastIndexOf('}')].Contains(label, StringComparison.Ordinal)));
}
