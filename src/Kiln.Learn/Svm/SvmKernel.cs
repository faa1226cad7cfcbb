namespace Kiln.Learn.Svm;

/// <summary>The similarity a kernel support-vector machine measures between two rows x and z.</summary>
public enum SvmKernel
{
    /// <summary>x·z: a linear boundary in the input space.</summary>
    Linear,

    /// <summary>exp(−γ‖x − z‖²): a smooth boundary shaped by nearby rows.</summary>
    Rbf,

    /// <summary>(γ·x·z + coef0)^degree: polynomial interactions of the features.</summary>
    Poly,

    /// <summary>tanh(γ·x·z + coef0).</summary>
    Sigmoid,
}
