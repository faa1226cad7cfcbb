namespace Kiln.Learn.Svm;

/// <summary>The solver's stopping and caching settings, as the estimators' parameters give them.</summary>
internal sealed record SolverSettings(double Tol, bool Shrinking, long MaxIterations, double CacheMegabytes);
