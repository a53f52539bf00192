using System.Text.Json;

namespace InterviewBot.Retrieval.Evaluation;

/// <summary>One line of an eval file: <c>{"id","question","evidence":[...],"answerable",["speaker"]}</c>.</summary>
public sealed record EvalItem(string Id, string Question, IReadOnlyList<string> Evidence, bool Answerable, string? Speaker)
{
    /// <summary>Reads an eval JSONL file; a malformed line throws <see cref="FormatException"/> naming the line.</summary>
    public static List<EvalItem> ReadFile(string path)
    {
        var items = new List<EvalItem>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var r = doc.RootElement;
                var question = r.GetProperty("question").GetString() ?? throw new FormatException("question is null");
                var evidence = r.TryGetProperty("evidence", out var ev) && ev.ValueKind == JsonValueKind.Array
                    ? ev.EnumerateArray().Select(e => e.GetString() ?? "").Where(e => e.Length > 0).ToList()
                    : [];
                var answerable = r.TryGetProperty("answerable", out var a) ? a.GetBoolean() : evidence.Count > 0;
                var id = r.TryGetProperty("id", out var i) ? i.ToString() : lineNo.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var speaker = r.TryGetProperty("speaker", out var s) ? s.GetString() : null;
                items.Add(new EvalItem(id, question, evidence, answerable, speaker));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new FormatException($"{path}:{lineNo}: {ex.Message}");
            }
        }

        return items;
    }
}
