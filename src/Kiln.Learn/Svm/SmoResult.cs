namespace Kiln.Learn.Svm;

/// <summary>A solved dual: α in the variables' original order, the offset ρ, and how many iterations the solver took and whether it reached tol.</summary>
internal sealed record SmoResult(double[] Alpha, double Rho, long Iterations, bool Converged);
