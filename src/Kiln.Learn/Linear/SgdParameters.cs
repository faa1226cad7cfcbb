namespace Kiln.Learn.Linear;

/// <summary>
/// The hyperparameters (but the learning-rate schedule, whose defaults differ) <see cref="SgdClassifier"/> and <see cref="SgdRegressor"/>
/// share, with scikit-learn's meanings. A row's sample weight scales its step and its share of the stopping loss.
/// </summary>
public abstract record SgdParameters<TModel> : Estimator<TModel> where TModel : IModel
{
    [Parameter("Penalty on the coefficients")]
    public SgdPenalty Penalty { get; init; } = SgdPenalty.L2;

    [Parameter("Strength of the penalty; also sets the optimal learning rate", Min = 0, Search = "log(0.000001,0.1)")]
    public double Alpha { get; init; } = 1e-4;

    [Parameter("Share of the elastic-net penalty that is L1", Min = 0, Max = 1)]
    public double L1Ratio { get; init; } = 0.15;

    [Parameter("Fit an intercept")]
    public bool FitIntercept { get; init; } = true;

    [Parameter("Most passes (epochs) over the rows", Min = 1)]
    public int MaxIter { get; init; } = 1000;

    [Parameter("Stop when the summed training loss has not fallen by tol × rows for n-iter-no-change epochs; 0 runs every epoch (scikit-learn's tol=None)", Min = 0)]
    public double Tol { get; init; } = 1e-3;

    [Parameter("Epochs without improvement before stopping", Min = 1)]
    public int NIterNoChange { get; init; } = 5;

    [Parameter("Visit the rows in a new random order each epoch")]
    public bool Shuffle { get; init; } = true;

    [Parameter("Return the average of all iterates (averaged SGD) instead of the last")]
    public bool Average { get; init; }

    [Parameter("Seed of the row order")]
    public long Seed { get; init; }

    private protected SgdSettings Settings(SgdLoss loss, double epsilon, SgdLearningRate learningRate, double eta0, double powerT, string estimator)
    {
        if (learningRate == SgdLearningRate.Optimal && Alpha == 0)
            throw new ArgumentException($"{estimator}: alpha must be above 0 for the optimal learning rate, which divides by it", nameof(Alpha));
        if (learningRate != SgdLearningRate.Optimal && eta0 <= 0)
            throw new ArgumentException($"{estimator}: eta0 must be above 0 for the {Kebab.Of(learningRate.ToString())} learning rate", "Eta0");
        return new SgdSettings(loss, epsilon, Penalty, Alpha, L1Ratio, FitIntercept, MaxIter, Tol, NIterNoChange, learningRate, eta0, powerT, Shuffle, Average);
    }
}
