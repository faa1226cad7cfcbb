namespace Kiln.Learn.Svm;

/// <summary>The hyperparameters kernel SVMs share: the kernel and how the SMO solver runs.</summary>
public abstract record SvmEstimator<TModel> : Estimator<TModel> where TModel : IModel
{
    [Parameter("Similarity between rows: linear, rbf (Gaussian), poly or sigmoid")]
    public SvmKernel Kernel { get; init; } = SvmKernel.Rbf;

    [Parameter(SvmParameters.GammaHelp)]
    public string Gamma { get; init; } = "scale";

    [Parameter("Degree of the poly kernel", Min = 0)]
    public int Degree { get; init; } = 3;

    [Parameter("Constant added inside the poly and sigmoid kernels")]
    public double Coef0 { get; init; }

    [Parameter("Stop when the largest violation of the optimality conditions is at most tol", Min = 0, MinExclusive = true)]
    public double Tol { get; init; } = 1e-3;

    [Parameter("Memory for cached kernel rows, in MB, shared by the problems solved at the same time (a classifier's pairs of classes)", Min = 0, MinExclusive = true)]
    public double CacheSize { get; init; } = 200;

    [Parameter("Most solver iterations per problem (a classifier solves one per pair of classes); -1 runs until converged", Min = -1)]
    public int MaxIter { get; init; } = -1;

    [Parameter("Set aside rows stuck at a bound while solving (faster, same answer)")]
    public bool Shrinking { get; init; } = true;
}
