namespace Kiln.Serving.Monitoring;

/// <summary>How right the model has been on the rows whose true labels were fed back.</summary>
/// <param name="Accuracy">Classifiers: the share of labelled rows predicted right.</param>
/// <param name="MeanAbsoluteError">Regressors: the mean absolute error on the labelled rows.</param>
/// <param name="ReferenceAccuracy">Classifiers: the accuracy on the training rows, for comparison.</param>
public sealed record LiveQuality(long Labelled, double? Accuracy, double? MeanAbsoluteError, double? RootMeanSquaredError, double? ReferenceAccuracy);
