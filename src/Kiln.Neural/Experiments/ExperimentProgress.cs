namespace Kiln.Neural.Experiments;

/// <summary>
/// Where an experiment is: variant <see cref="Variant"/> (from 0) of <see cref="Variants"/> is starting
/// (<see cref="Epoch"/> 0), has ended epoch <see cref="Epoch"/> with <see cref="Logs"/>, or has <see cref="Finished"/>.
/// </summary>
public sealed record ExperimentProgress(int Variant, int Variants, string Name, int Epoch, int Epochs,
    IReadOnlyDictionary<string, double>? Logs = null, VariantResult? Finished = null);
