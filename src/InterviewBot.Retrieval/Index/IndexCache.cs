using System.Security.Cryptography;
using System.Text;
using InterviewBot.Core.Model;
using InterviewBot.Retrieval.Embeddings;

namespace InterviewBot.Retrieval.Index;

/// <summary>Keeps the fitted embedder and the passage embeddings on disk, keyed by a hash of the parsed corpus
/// content and the embedder's model id, so an unchanged corpus starts without refitting and a changed one is never
/// served from a stale cache. The lexical indexes are cheap and always rebuilt.</summary>
public static class IndexCache
{
    private const string FormatVersion = "1";

    /// <summary>The default cache directory: $XDG_CACHE_HOME/interviewbot or ~/.cache/interviewbot.</summary>
    public static string DefaultDirectory =>
        Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "interviewbot");

    /// <summary>Loads the index from <paramref name="directory"/> when a cache entry for exactly this corpus exists;
    /// otherwise builds it and writes the entry. A null directory disables caching; without
    /// <paramref name="embeddings"/> only the lexical indexes are built.</summary>
    public static PassageIndex LoadOrBuild(Corpus corpus, string? directory, bool embeddings = true)
    {
        if (!embeddings)
        {
            // Lexical indexes are rebuilt in milliseconds per thousand passages; there is nothing to cache.
            return PassageIndex.BuildWithoutEmbeddings(corpus);
        }

        if (directory is null)
        {
            return PassageIndex.Build(corpus);
        }

        var entry = Path.Combine(directory, Fingerprint(corpus));
        var modelPath = Path.Combine(entry, "embedder.zip");
        var vectorsPath = Path.Combine(entry, "embeddings.bin");
        if (File.Exists(modelPath) && File.Exists(vectorsPath))
        {
            try
            {
                using var model = File.OpenRead(modelPath);
                var embedder = MlNetEmbeddingGenerator.Load(model);
                var (vectors, dims) = ReadVectors(vectorsPath);
                return PassageIndex.Restore(corpus, embedder, vectors, dims);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or InvalidOperationException or FormatException)
            {
                // A damaged entry is rebuilt below.
            }
        }

        var index = PassageIndex.Build(corpus);
        if (index.Embedder is MlNetEmbeddingGenerator ml)
        {
            TryWrite(entry, modelPath, vectorsPath, ml, index);
        }

        return index;
    }

    /// <summary>SHA-256 over everything the index depends on: each interview's metadata, turns and sentences, the
    /// embedder's model id and this cache format.</summary>
    public static string Fingerprint(Corpus corpus)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string? s)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(s ?? "\u0000"));
            hash.AppendData([0x1F]);
        }

        Add(FormatVersion);
        Add(MlNetEmbeddingGenerator.ModelId);
        foreach (var interview in corpus.Interviews)
        {
            var m = interview.Metadata;
            Add(m.Id);
            Add(m.Title);
            foreach (var turn in interview.Turns)
            {
                Add(turn.Speaker);
                Add(turn.Role.ToString());
                Add(turn.Context);
                foreach (var s in turn.Sentences)
                {
                    Add(s.Text);
                }
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }

    private static void TryWrite(string entry, string modelPath, string vectorsPath, MlNetEmbeddingGenerator ml, PassageIndex index)
    {
        try
        {
            Directory.CreateDirectory(entry);
            var tmpModel = modelPath + $".{Environment.ProcessId}.tmp";
            var tmpVectors = vectorsPath + $".{Environment.ProcessId}.tmp";
            using (var model = File.Create(tmpModel))
            {
                ml.Save(model);
            }

            WriteVectors(tmpVectors, index);
            File.Move(tmpVectors, vectorsPath, overwrite: true);
            File.Move(tmpModel, modelPath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The cache is an optimisation: an unwritable directory only costs the next start its fit.
        }
    }

    private static void WriteVectors(string path, PassageIndex index)
    {
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream);
        writer.Write(index.PassageTotal);
        writer.Write(index.Dimensions);
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(index.Embeddings.AsSpan());
        writer.Write(bytes);
    }

    private static (float[] Vectors, int Dimensions) ReadVectors(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        var count = reader.ReadInt32();
        var dims = reader.ReadInt32();
        if (count < 0 || dims < 0 || (long)count * dims * sizeof(float) != stream.Length - 8)
        {
            throw new InvalidDataException("embedding cache has the wrong size");
        }

        var vectors = new float[count * dims];
        stream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vectors.AsSpan()));
        return (vectors, dims);
    }
}
