using Kiln.Data;

namespace Kiln.Learn;

/// <summary>
/// The fitted model of an estimator tagged <see cref="Capability.ChangesRows"/> (samplers, outlier removal): it gives
/// the rows the next steps train on. A <see cref="Compose.Pipeline"/> calls it only while fitting, never to predict.
/// </summary>
public interface IResamplingModel : IModel
{
    /// <summary>The rows to train on, with the target and sample weights that go with them (weights may be <c>null</c>).</summary>
    ResampledData Resample(Frame features, Column? target, double[]? sampleWeights);
}
