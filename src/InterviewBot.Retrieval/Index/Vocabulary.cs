namespace InterviewBot.Retrieval.Index;

/// <summary>Maps index terms to dense ids.</summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    public int Count => _ids.Count;

    public int GetOrAdd(string term)
    {
        if (!_ids.TryGetValue(term, out var id))
        {
            id = _ids.Count;
            _ids[term] = id;
        }

        return id;
    }

    /// <summary>The term's id, or -1 when no passage has it.</summary>
    public int Find(string term) => _ids.TryGetValue(term, out var id) ? id : -1;
}
