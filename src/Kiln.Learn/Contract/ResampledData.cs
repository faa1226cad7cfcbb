using Kiln.Data;

namespace Kiln.Learn;

/// <summary>What a <see cref="IResamplingModel"/> gives: features, target and sample weights with one entry per kept or made row.</summary>
public sealed record ResampledData(Frame Features, Column? Target, double[]? SampleWeights);
