using Kiln.Data;

namespace Kiln.Learn.Cluster;

/// <summary>
/// Fitted k-means (from <see cref="KMeans"/> or <see cref="MiniBatchKMeans"/>): the cluster centres, the inertia on the
/// training rows and the iterations of the best run. A row belongs to the cluster of its nearest centre.
/// </summary>
public sealed class KMeansModel : ClustererModel
{
    readonly double[] _centres;

    internal KMeansModel(IEstimator estimator, InputSchema schema, double[] centres, int clusterCount, double inertia, int iterations)
        : base(estimator, schema)
    {
        _centres = centres;
        ClusterCount = clusterCount;
        Inertia = inertia;
        Iterations = iterations;
    }

    public int ClusterCount { get; }

    /// <summary>The sum of squared distances of the training rows to their nearest centre (weighted by sample weight).</summary>
    public double Inertia { get; }

    /// <summary>Iterations the best run took.</summary>
    public int Iterations { get; }

    /// <summary>One centre per cluster, each with one value per input column.</summary>
    public IReadOnlyList<IReadOnlyList<double>> ClusterCentres
    {
        get
        {
            var width = _centres.Length / ClusterCount;
            var centres = new IReadOnlyList<double>[ClusterCount];
            for (var c = 0; c < ClusterCount; c++) centres[c] = _centres.AsSpan(c * width, width).ToArray();
            return centres;
        }
    }

    protected override long[] PredictClusters(FeatureMatrix x)
    {
        var labels = new long[x.RowCount];
        Centres.Assign(x, _centres, ClusterCount, labels, new double[x.RowCount]);
        return labels;
    }

    public override void Save(ModelWriter writer)
    {
        writer.Write("cluster_count", (long)ClusterCount);
        writer.Write("centres", _centres);
        writer.Write("inertia", Inertia);
        writer.Write("iterations", (long)Iterations);
    }

    public static KMeansModel Load(ModelReader reader)
    {
        var count = reader.ReadInt32("cluster_count");
        var centres = reader.ReadDoubles("centres");
        if (count < 1 || centres.Length != count * reader.Schema.Columns.Count)
            throw new InvalidDataException($"model package: k-means holds {centres.Length} centre values for {count} clusters of {reader.Schema.Columns.Count} columns");
        return new KMeansModel(reader.Estimator, reader.Schema, centres, count, reader.ReadDouble("inertia"), reader.ReadInt32("iterations"));
    }
}
