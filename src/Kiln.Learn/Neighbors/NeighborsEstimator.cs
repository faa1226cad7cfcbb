using Kiln.Data;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Neighbors;

/// <summary>The hyperparameters k-nearest-neighbour learners share: how many neighbours, how they count and how they are found.</summary>
public abstract record NeighborsEstimator<TModel> : Estimator<TModel> where TModel : IModel
{
    [Parameter("How many nearest training rows decide each prediction", Min = 1)]
    public int NNeighbors { get; init; } = 5;

    [Parameter("Count every neighbour the same (uniform) or by inverse distance (distance)")]
    public NeighborWeighting Weights { get; init; } = NeighborWeighting.Uniform;

    [Parameter("How distance between rows is measured")]
    public DistanceMetric Metric { get; init; } = DistanceMetric.Euclidean;

    [Parameter("How neighbours are searched: auto, brute force or a KD-tree (euclidean and manhattan only); all give the same neighbours")]
    public NeighborAlgorithm Algorithm { get; init; } = NeighborAlgorithm.Auto;

    /// <summary>The training rows made searchable, refusing an n-neighbors larger than they are.</summary>
    private protected NeighborSearch SearchOver(Frame features, string estimator) =>
        NeighborSearch.Over(NumericInput.Matrix(features, estimator), NNeighbors, Metric, Algorithm, estimator);
}
