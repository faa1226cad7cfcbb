using Kiln.Data;
using Kiln.Learn;
using Kiln.Learn.Compose;
using Kiln.Learn.Preparation;
using Kiln.Tracking;

namespace Kiln.Serving.Monitoring;

/// <summary>
/// The training reference a fitted model is monitored against, built from its training rows and recorded into its run,
/// where <see cref="ReferenceLocator"/> finds it once the run's model is registered. Every trained model goes through
/// here — <c>kiln train</c>'s and each model a platform training job makes — so all of them are monitored alike.
/// </summary>
public static class TrainingReference
{
    /// <summary>
    /// The reference of <paramref name="model"/> fitted on <paramref name="table"/>: the feature columns it uses (an id
    /// column it left out would look like drift on every request), its predictions on the rows, and the target. Null
    /// for a model that does not predict a target, or a table without it.
    /// </summary>
    /// <param name="columns">How the training treated the table's feature columns; only the numeric and text ones are profiled.</param>
    public static ReferenceProfile? Build(Frame table, IModel model, string target, FeatureColumns columns, string? fingerprint, long seed)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columns);
        if (TaskOf(model) is not { } task || model is not IPredictorModel predictor || !table.HasColumn(target)) return null;
        var predictions = predictor.Predict(table.Drop(target));
        var used = columns.Numeric.Select(name => AsNumber(table[name])).Concat(columns.Text.Select(name => table[name]));
        return ReferenceProfileBuilder.Build(new Frame(used), predictions, table[target], target, task, fingerprint, seed);
    }

    /// <summary>
    /// Copies the saved reference at <paramref name="path"/> into the run's artifacts and tags the run with where it is,
    /// so the registered model version made from the run finds it. Returns the artifact's path in the run.
    /// </summary>
    public static async Task<string> LogAsync(RunRecorder run, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var artifact = (await run.LogArtifactAsync(path, ReferenceProfile.ArtifactFolder, cancellationToken).ConfigureAwait(false))[0];
        await run.SetTagsAsync(new Dictionary<string, string> { [ReferenceProfile.RunTag] = artifact }, cancellationToken).ConfigureAwait(false);
        return artifact;
    }

    static string? TaskOf(IModel model) => model switch
    {
        PipelineModel { Role: EstimatorRole.Classifier } or IClassifierModel and not PipelineModel => ReferenceProfile.Classification,
        PipelineModel { Role: EstimatorRole.Regressor } or IRegressorModel and not PipelineModel => ReferenceProfile.Regression,
        _ => null,
    };

    /// <summary>A column the preprocessing reads as numbers (such as numbers stored as text), as numbers.</summary>
    static Column AsNumber(Column column)
    {
        if (column.Type.IsNumeric()) return column;
        try
        {
            return column.Cast(DataType.Float64);
        }
        catch (ValueConversionException)
        {
            return column;
        }
    }
}
