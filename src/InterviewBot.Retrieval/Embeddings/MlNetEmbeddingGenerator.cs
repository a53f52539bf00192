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
    private const string FeaturesColumn = "Features";
    private const string EmbeddingColumn = "Embedding";

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly string _outputColumn;
    private readonly Lock _engineLock = new();
    private PredictionEngine<TextRow, VectorRow>? _engine;
    private int? _dimensions;

    private MlNetEmbeddingGenerator(MLContext ml, ITransformer model, string outputColumn, ITransformer? projection = null)
    {
        _ml = ml;
        _model = model;
        _outputColumn = outputColumn;
        Projection = projection;
    }

    public EmbeddingGeneratorMetadata Metadata { get; } = new("mlnet", defaultModelId: ModelId);

    /// <summary>The length of the vectors this generator makes.</summary>
    public int Dimensions => _dimensions ??= _model.GetOutputSchema(TextRow.EmptySchema(_ml))[_outputColumn].Type is VectorDataViewType { Size: var size } ? size : 0;

    /// <summary>The fitted projection on its own: set on a generator fitted in this process, null on a loaded one.</summary>
    private ITransformer? Projection { get; }

    /// <summary>Fits the featurizer (and, for corpora large enough, the projection) on <paramref name="texts"/>.</summary>
    public static MlNetEmbeddingGenerator Fit(IReadOnlyList<string> texts, int seed = 17) => Fit(texts, seed, featurizerReady: null);

    /// <summary>Starts <see cref="Fit(IReadOnlyList{string}, int)"/> on a background thread; see <see cref="Fitting"/>.</summary>
    internal static Fitting StartFit(Func<IReadOnlyList<string>> texts, int seed = 17) => new(texts, seed);

    /// <summary>The featurizer is fitted first (and handed to <paramref name="featurizerReady"/>), then the
    /// projection on its output, as one pipeline would. The projection reads the features twice, so they are cached.</summary>
    private static MlNetEmbeddingGenerator Fit(IReadOnlyList<string> texts, int seed, Action<MLContext, ITransformer>? featurizerReady)
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
        var featurizer = ml.Transforms.Text.FeaturizeText(FeaturesColumn, options, nameof(TextRow.Text)).Fit(data);
        if (texts.Count < MinRowsForProjection)
        {
            return new MlNetEmbeddingGenerator(ml, featurizer, FeaturesColumn);
        }

        featurizerReady?.Invoke(ml, featurizer);
        var rank = Math.Min(MaxRank, texts.Count / 2);
        var features = ml.Data.Cache(featurizer.Transform(data), FeaturesColumn);
        var projection = ml.Transforms.ProjectToPrincipalComponents(EmbeddingColumn, FeaturesColumn, rank: rank, overSampling: 10, ensureZeroMean: true, seed: seed)
            .Fit(features);
        return new MlNetEmbeddingGenerator(ml, new TransformerChain<ITransformer>(featurizer, projection), EmbeddingColumn, projection);
    }

    /// <summary>Loads a generator saved with <see cref="Save"/>.</summary>
    public static MlNetEmbeddingGenerator Load(Stream stream)
    {
        var ml = new MLContext(17);
        var model = ml.Model.Load(stream, out var schema);
        var output = model.GetOutputSchema(schema).GetColumnOrNull(EmbeddingColumn) is null ? FeaturesColumn : EmbeddingColumn;
        return new MlNetEmbeddingGenerator(ml, model, output);
    }

    public void Save(Stream stream)
    {
        _ml.Model.Save(_model, TextRow.EmptySchema(_ml), stream);
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
    public float[] EmbedOne(string text) => EmbedOnePrepared(Prepare(text));

    /// <summary>Embeds passages <paramref name="from"/> to <paramref name="count"/> − 1 in parallel into
    /// <paramref name="destination"/>, <see cref="Dimensions"/> floats per passage at passage × dimensions.
    /// <paramref name="preparedText"/> gives a passage's analysed text: its index terms joined by single spaces, as
    /// the analyser makes them. The vectors are the ones <see cref="GenerateAsync"/> gives for the passages' texts.</summary>
    internal void EmbedAll(int from, int count, Func<int, string> preparedText, float[] destination)
    {
        var dims = Dimensions;
        var output = VectorRow.Definition(_outputColumn);
        InParallel(count - from, () => _ml.Model.CreatePredictionEngine<TextRow, VectorRow>(_model, inputSchemaDefinition: null, outputSchemaDefinition: output),
            (engine, i) =>
            {
                var vector = engine.Predict(new TextRow { Text = preparedText(from + i) }).Vector;
                Normalise(new VBuffer<float>(vector.Length, vector), destination.AsSpan((from + i) * dims, dims));
            });
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        _engine?.Dispose();
    }

    private float[] EmbedOnePrepared(string prepared)
    {
        lock (_engineLock)
        {
            _engine ??= _ml.Model.CreatePredictionEngine<TextRow, VectorRow>(_model, inputSchemaDefinition: null,
                outputSchemaDefinition: VectorRow.Definition(_outputColumn));
            var row = _engine.Predict(new TextRow { Text = prepared });
            return Normalise(new VBuffer<float>(row.Vector.Length, row.Vector));
        }
    }

    /// <summary>Projects features made by this generator's featurizer, in parallel, passage p (= <paramref name="first"/>
    /// + its position in the list) into <paramref name="destination"/> at p × <see cref="Dimensions"/>.</summary>
    private void Project(IReadOnlyList<VBuffer<float>> features, int first, float[] destination)
    {
        var projection = Projection;
        if (features.Count == 0 || projection is null)
        {
            return;
        }

        var dims = Dimensions;
        var input = FeatureRow.Definition(features[0].Length);
        var output = VectorRow.Definition(EmbeddingColumn);
        InParallel(features.Count, () => _ml.Model.CreatePredictionEngine<FeatureRow, VectorRow>(projection, inputSchemaDefinition: input, outputSchemaDefinition: output),
            (engine, i) =>
            {
                var vector = engine.Predict(new FeatureRow { Features = features[i] }).Vector;
                Normalise(new VBuffer<float>(vector.Length, vector), destination.AsSpan((first + i) * dims, dims));
            });
    }

    /// <summary>Runs <paramref name="body"/> for 0 to <paramref name="count"/> − 1 on one thread per core, each with
    /// its own prediction engine (engines are not thread-safe; unlike data-view cursors they start no threads).</summary>
    private static void InParallel<TEngine>(int count, Func<TEngine> engine, Action<TEngine, int> body)
        where TEngine : IDisposable
    {
        const int chunk = 1024;
        if (count <= 0)
        {
            return;
        }

        var next = -chunk;
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, (count + chunk - 1) / chunk));
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            using var own = engine();
            for (var start = Interlocked.Add(ref next, chunk); start < count; start = Interlocked.Add(ref next, chunk))
            {
                for (var i = start; i < Math.Min(count, start + chunk); i++)
                {
                    body(own, i);
                }
            }
        });
    }

    /// <summary>Features are built over the analysed (stemmed, stop-word free) form of the text.</summary>
    private static string Prepare(string text) => string.Join(' ', Text.Analyzer.Terms(text));

    private static float[] Normalise(VBuffer<float> buffer)
    {
        var dense = new float[buffer.Length];
        Normalise(buffer, dense);
        return dense;
    }

    private static void Normalise(in VBuffer<float> buffer, Span<float> dense)
    {
        buffer.CopyTo(dense);
        var norm = TensorPrimitives.Norm(dense);
        if (norm > 0)
        {
            TensorPrimitives.Divide(dense, norm, dense);
        }
    }

    /// <summary>A fit running on a background thread. Fitting the projection is most of the fit and runs on one
    /// core, so once the featurizer is fitted, <see cref="EmbedAll"/> featurizes passages on the caller's thread until
    /// the projection is ready, then projects those and embeds the rest in parallel: the same vectors as fitting first
    /// and embedding afterwards.</summary>
    internal sealed class Fitting
    {
        /// <summary>At most this much memory holds features made ahead of the projection.</summary>
        private const long MaxAheadBytes = 1L << 30;

        private readonly TaskCompletionSource<(MLContext, ITransformer)?> _featurizer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Task<MlNetEmbeddingGenerator> _generator;

        internal Fitting(Func<IReadOnlyList<string>> texts, int seed)
        {
            _generator = Task.Factory.StartNew(() =>
            {
                try
                {
                    var generator = Fit(texts(), seed, (ml, featurizer) => _featurizer.TrySetResult((ml, featurizer)));
                    _featurizer.TrySetResult(null);
                    return generator;
                }
                catch (Exception ex)
                {
                    _featurizer.TrySetException(ex);
                    throw;
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        /// <summary>Waits for the fit and embeds passages 0 to <paramref name="count"/> − 1 (see
        /// <see cref="MlNetEmbeddingGenerator.EmbedAll"/>).</summary>
        public (MlNetEmbeddingGenerator Generator, float[] Embeddings, int Dimensions) EmbedAll(int count, Func<int, string> preparedText)
        {
            var ahead = new List<VBuffer<float>>();
            if (count > 0 && _featurizer.Task.GetAwaiter().GetResult() is var (ml, featurizer))
            {
                using var engine = ml.Model.CreatePredictionEngine<TextRow, FeatureRow>(featurizer, inputSchemaDefinition: null,
                    outputSchemaDefinition: FeatureRow.Definition(FeatureRow.Size(featurizer, ml)));
                var bytes = 0L;
                while (!_generator.IsCompleted && ahead.Count < count && bytes < MaxAheadBytes)
                {
                    var features = engine.Predict(new TextRow { Text = preparedText(ahead.Count) }).Features;
                    ahead.Add(features);
                    bytes += 64 + (8L * features.GetValues().Length);
                }
            }

            var generator = _generator.GetAwaiter().GetResult();
            if (count == 0)
            {
                return (generator, [], 0);
            }

            var dims = generator.Dimensions;
            var embeddings = new float[(long)count * dims];
            generator.Project(ahead, 0, embeddings);
            generator.EmbedAll(ahead.Count, count, preparedText, embeddings);
            return (generator, embeddings, dims);
        }
    }

    private sealed class TextRow
    {
        public string Text { get; set; } = string.Empty;

        public static DataViewSchema EmptySchema(MLContext ml) => ml.Data.LoadFromEnumerable(Array.Empty<TextRow>()).Schema;
    }

    private sealed class VectorRow
    {
        public float[] Vector { get; set; } = [];

        public static SchemaDefinition Definition(string column) =>
            SchemaDefinition.Create(typeof(VectorRow)).Also(d => d[nameof(Vector)].ColumnName = column);
    }

    private sealed class FeatureRow
    {
        public VBuffer<float> Features { get; set; }

        public static SchemaDefinition Definition(int size) =>
            SchemaDefinition.Create(typeof(FeatureRow)).Also(d => d[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size));

        public static int Size(ITransformer featurizer, MLContext ml) =>
            featurizer.GetOutputSchema(TextRow.EmptySchema(ml))[FeaturesColumn].Type is VectorDataViewType { Size: var size } ? size : 0;
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
