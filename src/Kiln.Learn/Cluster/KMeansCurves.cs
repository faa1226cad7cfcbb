using Kiln.Data;

namespace Kiln.Learn.Cluster;

/// <summary>Curves for choosing k: inertia per cluster count (the elbow) and mean silhouette per cluster count.</summary>
public static class KMeansCurves
{
    /// <summary>The inertia of <paramref name="estimator"/> (default <see cref="KMeans"/>) fitted with each cluster count, in the order given.</summary>
    public static double[] Elbow(Frame features, IReadOnlyList<int> clusterCounts, KMeans? estimator = null, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(clusterCounts);
        estimator ??= new KMeans();
        var inertias = new double[clusterCounts.Count];
        for (var i = 0; i < inertias.Length; i++)
            inertias[i] = (estimator with { NClusters = clusterCounts[i] }).Fit(features, context: context).Inertia;
        return inertias;
    }

    /// <summary>The mean silhouette of the k-means clustering for each cluster count (each at least 2), in the order given.</summary>
    public static double[] Silhouettes(Frame features, IReadOnlyList<int> clusterCounts, KMeans? estimator = null, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(clusterCounts);
        estimator ??= new KMeans();
        var scores = new double[clusterCounts.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            var model = (estimator with { NClusters = clusterCounts[i] }).Fit(features, context: context);
            scores[i] = Silhouette.Score(features, model.Predict(features));
        }
        return scores;
    }
}
