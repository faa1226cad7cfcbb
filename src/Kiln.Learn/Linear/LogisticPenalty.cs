namespace Kiln.Learn.Linear;

/// <summary>The penalty <see cref="LogisticRegression"/> puts on its coefficients (never on the intercepts).</summary>
public enum LogisticPenalty
{
    /// <summary>½‖w‖²/C: shrinks every coefficient; solved by L-BFGS.</summary>
    L2,

    /// <summary>‖w‖₁/C: sets weak coefficients to exactly zero; solved by Newton steps with coordinate descent inside.</summary>
    L1,

    /// <summary>(ρ‖w‖₁ + (1 − ρ)/2·‖w‖²)/C with ρ = l1-ratio.</summary>
    ElasticNet,

    /// <summary>No penalty: plain maximum likelihood, which has no finite answer when the classes are separable.</summary>
    None,
}
