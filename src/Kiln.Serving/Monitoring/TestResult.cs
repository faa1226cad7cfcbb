namespace Kiln.Serving.Monitoring;

/// <summary>A two-sample test's statistic and the probability of one at least as extreme when both samples share one distribution.</summary>
public sealed record TestResult(double Statistic, double PValue);
