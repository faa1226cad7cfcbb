using Kiln.Data;

namespace Kiln.Learn.Cleaning;

/// <summary>
/// A fitted model that removes rows (tagged <see cref="Capability.ChangesRows"/>). Its <see cref="ITransformerModel.Transform"/>
/// leaves every row in place, so it is harmless at prediction time; data preparation calls <see cref="FilterRows"/>
/// on the training frame and applies the result to the features and the target alike.
/// </summary>
public interface IRowFilterModel : ITransformerModel, IResamplingModel
{
    /// <summary>Which rows of <paramref name="features"/> to keep, and why the others go.</summary>
    RowFilterResult FilterRows(Frame features);

    ResampledData IResamplingModel.Resample(Frame features, Column? target, double[]? sampleWeights)
    {
        var kept = FilterRows(features);
        var result = new ResampledData(kept.Apply(features), target is null ? null : kept.Apply(target), null, kept.KeptRows);
        return result with { SampleWeights = result.Follow(sampleWeights) };
    }
}
