using Kiln.Neural.Callbacks;

namespace Kiln.Neural.Experiments;

/// <summary>Passes each epoch's measurements of one variant on as experiment progress.</summary>
internal sealed class EpochReporter(IProgress<ExperimentProgress> progress, int variant, int variants, string name) : ICallback
{
    int _epochs;

    public void OnTrainBegin(TrainingControl control) => _epochs = control.Epochs;

    public void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs, TrainingControl control) =>
        progress.Report(new ExperimentProgress(variant, variants, name, epoch + 1, _epochs, logs));
}
