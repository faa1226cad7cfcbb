using Kiln.Data;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Neighbors;

/// <summary>The hyperparameters k-nearest-neighbour learners share: how many neighbours, how they count and how they are found.</summary>
public abstract record NeighborsEstimator<TModel> : Estimator<TModel> where TModel : IModel
{
    [Parameter("How many nearest training rows decide each prediction", Min = 1, Search = "int(1,50)")]
    public int NNeighbors { get; init; } = 5;

    [Parameter("Count every neighbour the same (uniform) or by inverse distance (distance)", Search = "uniform,distance")]
    public NeighborWeighting Weights { get; init; } = NeighborWeighting.Uniform;

    [Parameter("How distance between rows is measured")]
    public DistanceMetric Metric { get; init; } = DistanceMetric.Euclidean;

    [Parameter("How neighbours are searched: auto, brute force or a KD-tree (euclidean and manhattan only); all give the same neighbours")]
    public NeighborAlgorithm Algorithm { get; init; } = NeighborAlgorithm.Auto;

    /// <summary>
    /// The training rows made searchable, refusing an n-neighbors larger than they are or a text column at once. The
    /// row-major copy the search works on is made at the first search: like scikit-learn's brute force, fitting only
    /// keeps the (immutable) training columns.
    /// </summary>
    private protected Lazy<NeighborSearch> SearchOver(Frame features, string estimator)
    {
        NumericInput.Columns(features, estimator);
        NeighborSearch.CheckSettings(NNeighbors, features.RowCount, Metric, Algorithm, estimator);
        return new(() => NeighborSearch.Over(NumericInput.Matrix(features, estimator), NNeighbors, Metric, Algorithm, estimator));
    }
}
