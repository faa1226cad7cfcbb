using Kiln.Data;

namespace Kiln.Learn.Imbalance;

/// <summary>
/// A fitted sampler. Samplers only act on training data (<see cref="ISampler.Resample"/>), so at prediction time
/// <see cref="TransformerModel.Transform"/> passes the rows through unchanged, after checking them against the schema.
/// </summary>
public sealed class SamplerModel(IEstimator estimator, InputSchema schema) : TransformerModel(estimator, schema), IResamplingModel
{
    /// <summary>Resamples training rows with the fitted sampler's parameters and seed; synthetic rows weigh 1.</summary>
    public ResampledData Resample(Frame features, Column? target, double[]? sampleWeights)
    {
        if (target is null) throw new ArgumentException($"{EstimatorCatalog.NameOf(Estimator)} needs the target to resample", nameof(target));
        var result = ((ISampler)Estimator).Resample(features, target, new FitContext { SampleWeights = sampleWeights });
        return result with { SampleWeights = result.Follow(sampleWeights) };
    }

    public override IReadOnlyList<string> OutputNames => [.. Schema.Names];

    protected override Frame TransformCore(Frame features) => features;

    /// <summary>A sampler learns nothing it needs at prediction time, so there is no state to write.</summary>
    public override void Save(ModelWriter writer) { }

    public static SamplerModel Load(ModelReader reader) => new(reader.Estimator, reader.Schema);
}
