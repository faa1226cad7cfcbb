using Kiln.Data;

namespace Kiln.Learn;

/// <summary>The base of fitted transformers: checks the input against the fitted schema, then transforms.</summary>
public abstract class TransformerModel(IEstimator estimator, InputSchema schema) : ITransformerModel
{
    public IEstimator Estimator { get; } = estimator;
    public InputSchema Schema { get; } = schema;
    public abstract IReadOnlyList<string> OutputNames { get; }

    public Frame Transform(Frame features)
    {
        var input = Schema.Check(features, EstimatorCatalog.NameOf(Estimator));
        InputValues.Check(input, Estimator);
        return TransformCore(input);
    }

    public abstract void Save(ModelWriter writer);

    /// <summary>Transforms a frame that has exactly the schema's columns, in order.</summary>
    protected abstract Frame TransformCore(Frame features);
}
