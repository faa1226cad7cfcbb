using Kiln.Data;

namespace Kiln.Learn.Cluster;

/// <summary>
/// A fitted <see cref="Dbscan"/>: the training rows' labels (−1 for noise) and the core points with their clusters.
/// A new row takes the cluster of its nearest core point within eps, else −1.
/// </summary>
public sealed class DbscanModel : ClustererModel
{
    readonly long[] _labels;
    readonly int[] _coreSampleIndices;
    readonly double[] _corePoints;
    readonly long[] _coreLabels;

    internal DbscanModel(Dbscan estimator, InputSchema schema, long[] labels, int[] coreSampleIndices, double[] corePoints, long[] coreLabels)
        : base(estimator, schema)
    {
        _labels = labels;
        _coreSampleIndices = coreSampleIndices;
        _corePoints = corePoints;
        _coreLabels = coreLabels;
        long highest = -1;
        foreach (var label in labels) highest = Math.Max(highest, label);
        ClusterCount = (int)(highest + 1);
    }

    /// <summary>The cluster of each training row, as scikit-learn's labels_; −1 is noise.</summary>
    public IReadOnlyList<long> Labels => _labels;

    /// <summary>The training rows that are core points, in row order.</summary>
    public IReadOnlyList<int> CoreSampleIndices => _coreSampleIndices;

    /// <summary>Clusters found, not counting noise.</summary>
    public int ClusterCount { get; }

    protected override long[] PredictClusters(FeatureMatrix x)
    {
        var width = x.FeatureCount;
        var radius = ((Dbscan)Estimator).Eps * ((Dbscan)Estimator).Eps;
        var values = x.Memory;
        var result = new long[x.RowCount];
        Parallel.For(0, x.RowCount, i =>
        {
            var row = values.Span.Slice(i * width, width);
            var (nearest, distance) = _coreLabels.Length == 0 ? (-1, double.PositiveInfinity) : Centres.Nearest(row, _corePoints, _coreLabels.Length);
            result[i] = distance <= radius ? _coreLabels[nearest] : -1;
        });
        return result;
    }

    public override void Save(ModelWriter writer)
    {
        writer.Write("labels", _labels);
        writer.Write("core_sample_indices", _coreSampleIndices);
        writer.Write("core_points", _corePoints);
        writer.Write("core_labels", _coreLabels);
    }

    public static DbscanModel Load(ModelReader reader)
    {
        var labels = reader.ReadInt64s("labels");
        var indices = reader.ReadInt32s("core_sample_indices");
        var points = reader.ReadDoubles("core_points");
        var coreLabels = reader.ReadInt64s("core_labels");
        if (coreLabels.Length != indices.Length || points.Length != indices.Length * reader.Schema.Columns.Count)
            throw new InvalidDataException($"model package: dbscan holds {points.Length} core values for {indices.Length} core points of {reader.Schema.Columns.Count} columns");
        return new DbscanModel((Dbscan)reader.Estimator, reader.Schema, labels, indices, points, coreLabels);
    }
}
