using Kiln.Data;

namespace Kiln.Learn.Cluster;

/// <summary>
/// Density-based clustering (scikit-learn's DBSCAN): a row with at least min-samples rows (itself included) within eps is
/// a core point; clusters are the core points linked through such neighbourhoods plus the rows within eps of them, and
/// every other row is noise (−1). Fitting labels rows exactly as scikit-learn numbers them.
/// </summary>
/// <remarks>
/// scikit-learn's DBSCAN has no predict. Here a new row joins the cluster of its nearest core point when that point is
/// within eps, and is noise otherwise; so predicting the training rows gives the fitted labels except that a border row
/// reachable from two clusters goes to the nearer one.
/// </remarks>
[Estimator("dbscan", EstimatorRole.Clusterer, "Find dense clusters of any shape, marking rows in sparse regions as noise (-1)")]
public sealed record Dbscan : Estimator<DbscanModel>
{
    [Parameter("The neighbourhood radius: rows closer than this are neighbours", Min = 0, MinExclusive = true)]
    public double Eps { get; init; } = 0.5;

    [Parameter("Rows (itself included) within eps that make a row a core point", Min = 1)]
    public int MinSamples { get; init; } = 5;

    [Parameter("The distance between rows", Values = ["euclidean"])]
    public string Metric { get; init; } = "euclidean";

    protected override DbscanModel FitCore(Frame features, Column? target, FitContext context)
    {
        var x = NumericInput.Matrix(features, "dbscan");
        var (rows, width) = (x.RowCount, x.FeatureCount);
        var radius = Eps * Eps;
        var values = x.Memory;
        var neighbourhoods = new int[rows][];
        Parallel.For(0, rows, new ParallelOptions { CancellationToken = context.Cancellation }, () => new List<int>(), (i, _, found) =>
        {
            found.Clear();
            var row = values.Span.Slice(i * width, width);
            for (var j = 0; j < rows; j++)
                if (Centres.SquaredDistance(row, values.Span.Slice(j * width, width)) <= radius) found.Add(j);
            neighbourhoods[i] = [.. found];
            return found;
        }, _ => { });
        var core = new bool[rows];
        for (var i = 0; i < rows; i++) core[i] = neighbourhoods[i].Length >= MinSamples;
        var labels = Expand(neighbourhoods, core);

        var coreIndices = new List<int>();
        for (var i = 0; i < rows; i++)
            if (core[i]) coreIndices.Add(i);
        var corePoints = new double[coreIndices.Count * width];
        var coreLabels = new long[coreIndices.Count];
        for (var k = 0; k < coreIndices.Count; k++)
        {
            x.Row(coreIndices[k]).CopyTo(corePoints.AsSpan(k * width, width));
            coreLabels[k] = labels[coreIndices[k]];
        }
        return new DbscanModel(this, InputSchema.Of(features), labels, [.. coreIndices], corePoints, coreLabels);
    }

    /// <summary>scikit-learn's dbscan_inner: clusters numbered in order of their first core row, grown depth-first from a stack.</summary>
    static long[] Expand(int[][] neighbourhoods, bool[] core)
    {
        var labels = new long[core.Length];
        Array.Fill(labels, -1);
        var stack = new Stack<int>();
        long cluster = 0;
        for (var start = 0; start < core.Length; start++)
        {
            if (labels[start] != -1 || !core[start]) continue;
            var i = start;
            while (true)
            {
                if (labels[i] == -1)
                {
                    labels[i] = cluster;
                    if (core[i])
                        foreach (var neighbour in neighbourhoods[i])
                            if (labels[neighbour] == -1) stack.Push(neighbour);
                }
                if (stack.Count == 0) break;
                i = stack.Pop();
            }
            cluster++;
        }
        return labels;
    }
}
