namespace Kiln.Learn.ModelSelection;

/// <summary>A learning curve: the training rows at each point and the training and validation scores there, by <see cref="Scoring"/>.</summary>
public sealed record LearningCurveResult(int[] TrainSizes, string Scoring, CurveScores Scores);
