using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace InterviewBot.Retrieval.Embeddings;

/// <summary>Text embeddings from ML.NET, fitted on the corpus: word uni/bigram and character trigram TF-IDF features
/// over analysed (stemmed) text, projected by randomized PCA to a small dense vector (latent semantic analysis) and
/// L2-normalised. Plugs in wherever an <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/> is expected.</summary>
public sealed class MlNetEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "mlnet-lsa-v1";
    private const int MaxRank = 64;
    private const int MinRowsForProjection = 16;

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly string _outputColumn;
    private readonly Lock _engineLock = new();
    private PredictionEngine<TextRow, VectorRow>? _engine;

    private MlNetEmbeddingGenerator(MLContext ml, ITransformer model, string outputColumn)
    {
        _ml = ml;
        _model = model;
        _outputColumn = outputColumn;
    }

    public EmbeddingGeneratorMetadata Metadata { get; } = new("mlnet", defaultModelId: ModelId);

    /// <summary>Fits the featurizer (and, for corpora large enough, the projection) on <paramref name="texts"/>.</summary>
    public static MlNetEmbeddingGenerator Fit(IReadOnlyList<string> texts, int seed = 17)
    {
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(texts.Select(t => new TextRow { Text = Prepare(t) }));
        var options = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            KeepNumbers = true,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        IEstimator<ITransformer> pipeline = ml.Transforms.Text.FeaturizeText("Features", options, nameof(TextRow.Text));
        var output = "Features";
        if (texts.Count >= MinRowsForProjection)
        {
            var rank = Math.Min(MaxRank, texts.Count / 2);
            pipeline = pipeline.Append(ml.Transforms.ProjectToPrincipalComponents("Embedding", "Features", rank: rank, overSampling: 10, ensureZeroMean: true, seed: seed));
            output = "Embedding";
        }

        var model = pipeline.Fit(data);
        return new MlNetEmbeddingGenerator(ml, model, output);
    }

    /// <summary>Loads a generator saved with <see cref="Save"/>.</summary>
    public static MlNetEmbeddingGenerator Load(Stream stream)
    {
        var ml = new MLContext(17);
        var model = ml.Model.Load(stream, out var schema);
        var output = model.GetOutputSchema(schema).GetColumnOrNull("Embedding") is null ? "Features" : "Embedding";
        return new MlNetEmbeddingGenerator(ml, model, output);
    }

    public void Save(Stream stream)
    {
        var schema = _ml.Data.LoadFromEnumerable(Array.Empty<TextRow>()).Schema;
        _ml.Model.Save(_model, schema, stream);
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = values as IReadOnlyList<string> ?? values.ToList();
        var result = new GeneratedEmbeddings<Embedding<float>>(list.Count);
        if (list.Count == 1)
        {
            result.Add(new Embedding<float>(EmbedOne(list[0])) { ModelId = ModelId });
            return Task.FromResult(result);
        }

        var data = _ml.Data.LoadFromEnumerable(list.Select(t => new TextRow { Text = Prepare(t) }));
        var transformed = _model.Transform(data);
        var column = transformed.GetColumn<VBuffer<float>>(_outputColumn);
        foreach (var buffer in column)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(new Embedding<float>(Normalise(buffer)) { ModelId = ModelId });
        }

        return Task.FromResult(result);
    }

    /// <summary>Embeds one text (for a query) without building a data view.</summary>
    public float[] EmbedOne(string text)
    {
        lock (_engineLock)
        {
            _engine ??= _ml.Model.CreatePredictionEngine<TextRow, VectorRow>(_model, inputSchemaDefinition: null,
                outputSchemaDefinition: SchemaDefinition.Create(typeof(VectorRow)).Also(d => d[nameof(VectorRow.Vector)].ColumnName = _outputColumn));
            var row = _engine.Predict(new TextRow { Text = Prepare(text) });
            return Normalise(new VBuffer<float>(row.Vector.Length, row.Vector));
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        _engine?.Dispose();
    }

    /// <summary>Features are built over the analysed (stemmed, stop-word free) form of the text.</summary>
    private static string Prepare(string text) => string.Join(' ', Text.Analyzer.Terms(text));

    private static float[] Normalise(VBuffer<float> buffer)
    {
        var dense = new float[buffer.Length];
        buffer.CopyTo(dense);
        var norm = TensorPrimitives.Norm(dense);
        if (norm > 0)
        {
            TensorPrimitives.Divide(dense, norm, dense);
        }

        return dense;
    }

    private sealed class TextRow
    {
        public string Text { get; set; } = string.Empty;
    }

    private sealed class VectorRow
    {
        public float[] Vector { get; set; } = [];
    }
}

internal static class SchemaDefinitionExtensions
{
    public static SchemaDefinition Also(this SchemaDefinition definition, Action<SchemaDefinition> configure)
    {
        configure(definition);
        return definition;
    }
}
