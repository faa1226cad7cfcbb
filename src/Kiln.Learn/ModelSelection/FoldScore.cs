namespace Kiln.Learn.ModelSelection;

/// <summary>
/// One fold of a cross-validation: how many rows it trained and tested on, each scorer's score on the test rows (and on
/// the training rows when asked for), and the seconds spent fitting and scoring.
/// </summary>
public sealed record FoldScore(int Fold, int TrainRows, int TestRows, IReadOnlyDictionary<string, double> Test,
    IReadOnlyDictionary<string, double>? Train, double FitSeconds, double ScoreSeconds);
