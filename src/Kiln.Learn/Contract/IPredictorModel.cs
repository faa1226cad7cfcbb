using Kiln.Data;

namespace Kiln.Learn;

/// <summary>A fitted model that predicts one value per row: classifiers, regressors and clusterers.</summary>
public interface IPredictorModel : IModel
{
    Column Predict(Frame features);
}

/// <summary>A fitted classifier: predictions have the target's own type and values.</summary>
public interface IClassifierModel : IPredictorModel
{
    /// <summary>The classes in the order of the probability columns, typed as the target was.</summary>
    Column Classes { get; }

    /// <summary>One float64 column per class (named by the class), each row summing to one.</summary>
    Frame PredictProbabilities(Frame features);
}

/// <summary>A fitted regressor: <see cref="IPredictorModel.Predict"/> gives a float64 column.</summary>
public interface IRegressorModel : IPredictorModel;

/// <summary>A fitted clusterer: <see cref="IPredictorModel.Predict"/> gives an int64 column of cluster labels.</summary>
public interface IClustererModel : IPredictorModel;
