using Kiln.Data;

namespace Kiln.Learn.Cluster;

/// <summary>
/// k-means clustering by Lloyd's or Elkan's algorithm (scikit-learn's KMeans): <see cref="NInit"/> seeded starts from k-means++ or
/// random rows, keeping the run of lowest inertia. Converges when no label changes or the centres move less than tol.
/// </summary>
[Estimator("kmeans", EstimatorRole.Clusterer, "Partition rows into k clusters around centres that minimise the squared distances",
    Capabilities = [Capability.Randomized, Capability.SampleWeights])]
public sealed record KMeans : Estimator<KMeansModel>
{
    [Parameter("How many clusters; at most the number of rows", Min = 1)]
    public int NClusters { get; init; } = 8;

    [Parameter("How to choose the starting centres", Values = ["k-means++", "random"])]
    public string Init { get; init; } = "k-means++";

    [Parameter("Starts to run; the one of lowest inertia is kept", Min = 1)]
    public int NInit { get; init; } = 10;

    [Parameter("Most iterations of one run", Min = 1)]
    public int MaxIter { get; init; } = 300;

    [Parameter("Stop when the centres move less than this, relative to the mean column variance", Min = 0)]
    public double Tol { get; init; } = 1e-4;

    [Parameter("lloyd (every distance each iteration) or elkan (triangle-inequality bounds skip most of them); the clusters are the same")]
    public KMeansAlgorithm Algorithm { get; init; } = KMeansAlgorithm.Lloyd;

    [Parameter("Seed for the starting centres; the same seed gives the same clusters")]
    public long Seed { get; init; }

    protected override KMeansModel FitCore(Frame features, Column? target, FitContext context)
    {
        var x = NumericInput.Matrix(features, "kmeans");
        KMeansRuns.RequireEnoughRows(NClusters, x.RowCount, "kmeans");
        var tolerance = Tol * KMeansRuns.MeanVariance(x);
        var random = new RandomArrays(Seed);
        KMeansRuns.Run? best = null;
        for (var run = 0; run < NInit; run++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var start = KMeansRuns.Start(x, NClusters, Init, context.SampleWeights, random);
            var result = Algorithm == KMeansAlgorithm.Elkan
                ? ElkanRun.Fit(x, start, NClusters, MaxIter, tolerance, context.SampleWeights, context.Cancellation)
                : KMeansRuns.Lloyd(x, start, NClusters, MaxIter, tolerance, context.SampleWeights, context.Cancellation);
            if (best is null || result.Inertia < best.Inertia) best = result;
            context.Progress?.Report(new FitProgress("kmeans runs", run + 1, NInit));
        }
        return new KMeansModel(this, InputSchema.Of(features), best!.Centres, NClusters, best.Inertia, best.Iterations);
    }
}
