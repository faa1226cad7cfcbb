using Kiln.Data;
using Kiln.Learn.Compose;
using Kiln.Learn.Preparation;

namespace Kiln.Learn.Training;

/// <summary>
/// A table made ready for one catalog model (<see cref="ModelTraining.Prepare"/>): the rows that have a target, their
/// features and target, and the unfitted pipeline of default preprocessing and the model, named after the model.
/// </summary>
public sealed record TrainingSetup(CatalogEntry Entry, Pipeline Pipeline, Frame Table, Frame Features, Column Target, FeatureColumns Columns)
{
    /// <summary>Whether the model learns from the target (classifiers and regressors) rather than from the features alone.</summary>
    public bool IsSupervised => Entry.Role is EstimatorRole.Classifier or EstimatorRole.Regressor;

    /// <summary>Refuses a model that cannot be scored against the target, saying what <paramref name="purpose"/> needs instead.</summary>
    public void RequireSupervised(string purpose)
    {
        if (!IsSupervised)
            throw new ArgumentException($"{Entry.Name} is a {Kebab.Of(Entry.Role.ToString())}; {purpose} needs a classifier or a regressor, which can be scored against the target");
    }
}
