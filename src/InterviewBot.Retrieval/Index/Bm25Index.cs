namespace InterviewBot.Retrieval.Index;

/// <summary>An inverted index with Okapi BM25 scoring over documents given as term-id arrays. Postings are stored
/// in flat arrays; a query accumulates scores term at a time straight into the caller's arrays.</summary>
internal sealed class Bm25Index
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;

    private readonly int[] _postingStart;   // per term: offset into _docs/_tfs; length = terms + 1
    private readonly int[] _docs;
    private readonly float[] _tfNorm;        // per posting: tf * (k1 + 1) / (tf + k1 * (1 - b + b * len / avg))
    private readonly float[] _idf;



    public Bm25Index(IReadOnlyList<int[]> documents, int termCount)
        : this(documents.Count, d => documents[d], termCount)
    {
    }

    /// <summary>Indexes <paramref name="documentCount"/> documents; <paramref name="document"/> gives each one's
    /// term ids (it is called twice per document, in document order, and may return a slice of a larger array).</summary>
    internal Bm25Index(int documentCount, Func<int, ReadOnlyMemory<int>> document, int termCount)
    {
        DocumentCount = documentCount;

        // Document frequencies: a term counts once per document (lastSeen marks the document it was last counted in).
        var counts = new int[termCount + 1];
        var lastSeen = new int[termCount + 1];
        Array.Fill(lastSeen, -1);
        long totalLength = 0;
        for (var d = 0; d < documentCount; d++)
        {
            var doc = document(d).Span;
            totalLength += doc.Length;
            foreach (var t in doc)
            {
                if (lastSeen[t] != d)
                {
                    lastSeen[t] = d;
                    counts[t]++;
                }
            }
        }

        var avg = documentCount == 0 ? 1f : Math.Max(1f, totalLength / (float)documentCount);
        _postingStart = new int[termCount + 1];
        for (var t = 0; t < termCount; t++)
        {
            _postingStart[t + 1] = _postingStart[t] + counts[t];
        }

        _docs = new int[_postingStart[termCount]];
        _tfNorm = new float[_docs.Length];
        _idf = new float[termCount];

        // Postings in document order; term frequencies counted in a reused per-term array (tf) with the document's
        // distinct terms in `distinct`, so no per-document allocation.
        var fill = (int[])_postingStart.Clone();
        var tf = lastSeen;
        Array.Clear(tf);
        var distinct = new List<int>();
        for (var d = 0; d < documentCount; d++)
        {
            var doc = document(d).Span;
            distinct.Clear();
            foreach (var t in doc)
            {
                if (tf[t]++ == 0)
                {
                    distinct.Add(t);
                }
            }

            var lengthNorm = K1 * (1 - B + (B * doc.Length / avg));
            foreach (var t in distinct)
            {
                var f = tf[t];
                tf[t] = 0;
                var at = fill[t]++;
                _docs[at] = d;
                _tfNorm[at] = f * (K1 + 1) / (f + lengthNorm);
            }
        }

        for (var t = 0; t < termCount; t++)
        {
            _idf[t] = Idf(counts[t]);
        }
    }

    public int DocumentCount { get; }

    /// <summary>BM25 idf of a term that occurs in <paramref name="df"/> documents (0 for a term never seen: it has
    /// the largest idf, which is what coverage measures want).</summary>
    public float Idf(int df) => MathF.Log(1 + ((DocumentCount - df + 0.5f) / (df + 0.5f)));

    /// <summary>The idf of a term id, or of an unseen term when <paramref name="term"/> is -1.</summary>
    public float IdfOf(int term) => term >= 0 && term < _idf.Length ? _idf[term] : Idf(0);

    public int DocumentFrequency(int term) =>
        term >= 0 && term < _idf.Length ? _postingStart[term + 1] - _postingStart[term] : 0;

    /// <summary>Adds <paramref name="scale"/> × the BM25 score of every document that has a query term straight into
    /// <paramref name="scores"/>, recording each document the first time it is touched (no callback per posting).</summary>
    public void Accumulate(ReadOnlySpan<int> queryTerms, double scale, double[] scores, bool[] seen, List<int> touched)
    {
        foreach (var t in queryTerms)
        {
            if (t < 0 || t >= _idf.Length)
            {
                continue;
            }

            var weight = scale * _idf[t];
            for (var p = _postingStart[t]; p < _postingStart[t + 1]; p++)
            {
                var d = _docs[p];
                if (!seen[d])
                {
                    seen[d] = true;
                    touched.Add(d);
                }

                scores[d] += weight * _tfNorm[p];
            }
        }
    }

    /// <summary>BM25 score of a single document (for re-scoring a known candidate).</summary>
    public float ScoreOne(ReadOnlySpan<int> queryTerms, int doc)
    {
        var score = 0f;
        foreach (var t in queryTerms)
        {
            if (t < 0 || t >= _idf.Length)
            {
                continue;
            }

            var lo = _postingStart[t];
            var hi = _postingStart[t + 1] - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                var d = _docs[mid];
                if (d == doc)
                {
                    score += _idf[t] * _tfNorm[mid];
                    break;
                }

                if (d < doc)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }
        }

        return score;
    }
}
