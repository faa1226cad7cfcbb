namespace Kiln.Plots;

/// <summary>One thing drawn on a chart's plot area; series copy their inputs so later changes to the caller's arrays do not alter the chart.</summary>
abstract class ChartSeries(string? label)
{
    public string? Label { get; } = string.IsNullOrWhiteSpace(label) ? null : label;

    /// <summary>The category names this series puts on the x axis, or null when its x axis is numeric.</summary>
    public virtual IReadOnlyList<string>? Categories => null;

    public abstract void Draw(ChartDrawing drawing);

    protected static (double[] Xs, double[] Ys) FinitePairs(double[] xs, double[] ys, string xName, string yName)
    {
        ArgumentNullException.ThrowIfNull(xs, xName);
        ArgumentNullException.ThrowIfNull(ys, yName);
        if (xs.Length != ys.Length)
            throw new ArgumentException($"{xName} has {xs.Length} values but {yName} has {ys.Length}; they must be the same length", yName);
        var keptXs = new List<double>(xs.Length);
        var keptYs = new List<double>(ys.Length);
        for (var i = 0; i < xs.Length; i++)
        {
            // Missing values are skipped, as pandas plotting does.
            if (!double.IsFinite(xs[i]) || !double.IsFinite(ys[i]))
                continue;
            keptXs.Add(xs[i]);
            keptYs.Add(ys[i]);
        }
        return (keptXs.ToArray(), keptYs.ToArray());
    }
}
