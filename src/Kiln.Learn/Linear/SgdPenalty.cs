namespace Kiln.Learn.Linear;

/// <summary>The penalty SGD learners put on their coefficients (never on the intercept).</summary>
public enum SgdPenalty
{
    /// <summary>α/2·‖w‖²: shrinks every coefficient.</summary>
    L2,

    /// <summary>α·‖w‖₁, by the cumulative truncated gradient: sets weak coefficients to exactly zero.</summary>
    L1,

    /// <summary>α·(ρ‖w‖₁ + (1 − ρ)/2·‖w‖²) with ρ = l1-ratio.</summary>
    ElasticNet,

    /// <summary>No penalty.</summary>
    None,
}
