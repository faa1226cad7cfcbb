namespace Kiln.Learn.Linear;

/// <summary>The step size schedule of SGD learners at update t (counting from 1).</summary>
public enum SgdLearningRate
{
    /// <summary>1 / (α·(t₀ + t − 1)) with Bottou's heuristic t₀; needs α &gt; 0.</summary>
    Optimal,

    /// <summary>eta0 at every step.</summary>
    Constant,

    /// <summary>eta0 / t^power-t.</summary>
    InvScaling,
}
