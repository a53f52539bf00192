using InterviewBot.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace InterviewBot.Core.Parsing;

/// <summary>Reads interview metadata from YAML: a sidecar file beside a transcript, or Markdown front matter.</summary>
public static class MetadataReader
{
    private static readonly string[] SidecarExtensions = [".yaml", ".yml"];

    /// <summary>The sidecar path for <paramref name="transcriptPath"/> if one exists: <c>name.yaml</c>, <c>name.yml</c>,
    /// or <c>name.ext.yaml</c>.</summary>
    public static string? FindSidecar(string transcriptPath)
    {
        var dir = Path.GetDirectoryName(transcriptPath) ?? ".";
        var stem = Path.GetFileNameWithoutExtension(transcriptPath);
        foreach (var ext in SidecarExtensions)
        {
            foreach (var candidate in new[] { Path.Combine(dir, stem + ext), transcriptPath + ext })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Is this file a metadata sidecar (rather than a transcript)?</summary>
    public static bool IsSidecar(string path) =>
        SidecarExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>Splits YAML front matter (between leading <c>---</c> lines) from a Markdown body.</summary>
    public static (string? FrontMatter, string Body) SplitFrontMatter(string text)
    {
        var t = text.TrimStart('\uFEFF');
        if (!t.StartsWith("---", StringComparison.Ordinal))
        {
            return (null, text);
        }

        var firstLineEnd = t.IndexOf('\n', StringComparison.Ordinal);
        if (firstLineEnd < 0 || t[..firstLineEnd].Trim() != "---")
        {
            return (null, text);
        }

        var pos = firstLineEnd + 1;
        while (pos < t.Length)
        {
            var end = t.IndexOf('\n', pos);
            var line = end < 0 ? t[pos..] : t[pos..end];
            if (line.Trim() is "---" or "...")
            {
                return (t[(firstLineEnd + 1)..pos], end < 0 ? string.Empty : t[(end + 1)..]);
            }

            if (end < 0)
            {
                break;
            }

            pos = end + 1;
        }

        throw new TranscriptFormatException("front matter starts with '---' but is never closed");
    }

    /// <summary>Parses a YAML mapping of metadata fields. Unknown keys are ignored; a malformed document throws
    /// <see cref="TranscriptFormatException"/> naming the line.</summary>
    public static YamlFields ReadFields(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new TranscriptFormatException($"invalid YAML at line {ex.Start.Line}: {ex.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new YamlFields(new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase));
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            throw new TranscriptFormatException("metadata must be a YAML mapping of field: value");
        }

        var fields = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in map.Children)
        {
            if (key is YamlScalarNode { Value: { } k })
            {
                fields[k] = value;
            }
        }

        return new YamlFields(fields);
    }

    /// <summary>Builds final metadata: sidecar fields win over front matter and text hints; the id defaults to the
    /// file name.</summary>
    public static InterviewMetadata Merge(string path, YamlFields? sidecar, MetadataHints hints)
    {
        var f = sidecar ?? new YamlFields(new Dictionary<string, YamlNode>());
        var id = f.String("id") ?? Slug(Path.GetFileNameWithoutExtension(path));
        return new InterviewMetadata
        {
            Id = id,
            Title = f.String("title") ?? hints.Title ?? Path.GetFileNameWithoutExtension(path),
            Outlet = f.String("outlet") ?? hints.Outlet,
            Date = f.String("date") ?? hints.Date,
            Url = f.String("url") ?? hints.Url,
            Author = f.String("author") ?? hints.Author,
            Interviewers = Or(f.List("interviewer", "interviewers"), hints.Interviewers),
            Interviewees = Or(f.List("interviewee", "interviewees"), hints.Interviewees),
            Speakers = f.Map("speakers") is { Count: > 0 } m ? m : hints.Speakers,
            Format = f.String("format"),
        };
    }

    /// <summary>Lower-case, dash-separated id from a file name.</summary>
    public static string Slug(string name)
    {
        var chars = name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "interview" : slug;
    }

    private static IReadOnlyList<string> Or(IReadOnlyList<string> a, IReadOnlyList<string> b) => a.Count > 0 ? a : b;
}

/// <summary>Typed access to the fields of a YAML metadata mapping.</summary>
public sealed class YamlFields(IReadOnlyDictionary<string, YamlNode> fields)
{
    public string? String(string key)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            return null;
        }

        return node switch
        {
            YamlScalarNode { Value: { } v } when v.Trim().Length > 0 => v.Trim(),
            YamlScalarNode => null,
            _ => throw new TranscriptFormatException($"metadata field '{key}' must be a single value"),
        };
    }

    public IReadOnlyList<string> List(params string[] keys)
    {
        foreach (var key in keys)
        {
            if (!fields.TryGetValue(key, out var node))
            {
                continue;
            }

            return node switch
            {
                YamlScalarNode { Value: { } v } => SplitNames(v),
                YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(s => s.Value?.Trim() ?? "")
                    .Where(s => s.Length > 0).ToList(),
                _ => throw new TranscriptFormatException($"metadata field '{key}' must be a name or a list of names"),
            };
        }

        return [];
    }

    public IReadOnlyDictionary<string, string> Map(string key)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            return new Dictionary<string, string>();
        }

        if (node is not YamlMappingNode map)
        {
            throw new TranscriptFormatException($"metadata field '{key}' must map labels to names (LABEL: Full Name)");
        }

        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: { } label } && v is YamlScalarNode { Value: { } name })
            {
                result[label.Trim()] = name.Trim();
            }
        }

        return result;
    }

    private static List<string> SplitNames(string value) =>
        value.Split([",", " and ", " & "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
