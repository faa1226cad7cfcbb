namespace Kiln.Learn.Svm;

/// <summary>A solved dual: α in the variables' original order, the offset ρ, the objective and how the solver stopped.</summary>
internal sealed record SmoResult(double[] Alpha, double Rho, double Objective, long Iterations, bool Converged);
