using Kiln.Learn.ModelSelection;

namespace Kiln.Learn.Training;

/// <summary>
/// One model of a comparison: its cross-validated scores on the training rows, the model fitted on all of them with
/// its fit time, and its score on the held-out rows — or why it could not be fitted.
/// </summary>
public sealed record ComparedModel(CatalogEntry Entry, CrossValidationResult? Scores, IModel? Model, double FitSeconds, HeldOutScore? HeldOut, string? Failure = null)
{
    public bool Succeeded => Failure is null;

    public double MeanScore => Scores?.MeanTestScore() ?? double.NaN;

    public double StdScore => Scores?.StdTestScore() ?? double.NaN;
}
