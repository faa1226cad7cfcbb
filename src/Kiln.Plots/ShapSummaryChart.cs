using ScottPlot;
using SkiaSharp;

namespace Kiln.Plots;

/// <summary>
/// The SHAP "beeswarm" summary: one row per feature (the largest mean |SHAP| at the top), one dot per explained row at
/// its SHAP value, coloured by the feature's own value from blue (low) to red (high), and piled up where dots crowd so
/// the density shows. Read it as: which features move predictions most, in which direction, for high or low values.
/// </summary>
public sealed class ShapSummaryChart : Figure
{
    const int ColorLevels = 12;
    const int MostDotsPerFeature = 2000;
    const int Bins = 120;
    static readonly ChartColor Low = ChartColor.Parse("#1e88e5");
    static readonly ChartColor High = ChartColor.Parse("#ff0d57");
    static readonly ChartColor Missing = ChartColor.Parse("#9e9e9e");

    readonly string[] _names;
    readonly double[][] _shap;
    readonly double[][] _values;

    /// <param name="names">The feature names.</param>
    /// <param name="shap">Per feature, the SHAP value of every explained row.</param>
    /// <param name="values">Per feature, the feature's value in every explained row (NaN when missing), for the colour.</param>
    public ShapSummaryChart(string title, IReadOnlyList<string> names, IReadOnlyList<double[]> shap, IReadOnlyList<double[]> values, int top = RankingChart.DefaultTop)
        : base(900, 400)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(shap);
        ArgumentNullException.ThrowIfNull(values);
        if (shap.Count != names.Count || values.Count != names.Count)
            throw new ArgumentException($"{names.Count} names need as many SHAP columns ({shap.Count} given) and value columns ({values.Count} given)", nameof(shap));
        for (var f = 0; f < names.Count; f++)
            if (shap[f].Length != values[f].Length)
                throw new ArgumentException($"feature '{names[f]}' has {shap[f].Length} SHAP values but {values[f].Length} feature values", nameof(values));
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        Title = title;
        var order = Enumerable.Range(0, names.Count).OrderByDescending(f => MeanAbsolute(shap[f])).ThenBy(f => f).Take(top).ToArray();
        _names = [.. order.Select(f => names[f])];
        _shap = [.. order.Select(f => shap[f])];
        _values = [.. order.Select(f => values[f])];
        Height = Math.Min(MaximumSize, 150 + 34 * Math.Max(3, _names.Length));
    }

    public string Title { get; set; }

    /// <summary>The features drawn, from the top row down.</summary>
    public IReadOnlyList<string> ShownNames => _names;

    internal override void Draw(SKCanvas canvas, PixelRect area)
    {
        using var plot = new Plot();
        var xs = new List<double>[ColorLevels + 1];
        var ys = new List<double>[ColorLevels + 1];
        for (var level = 0; level <= ColorLevels; level++) (xs[level], ys[level]) = ([], []);
        for (var f = 0; f < _names.Length; f++)
            AddFeature(_shap[f], _values[f], _names.Length - 1 - f, xs, ys);
        plot.Add.VerticalLine(0, 1, Colors.Gray);
        for (var level = 0; level <= ColorLevels; level++)
        {
            if (xs[level].Count == 0) continue;
            var color = level == ColorLevels ? Missing : Blend((double)level / (ColorLevels - 1));
            plot.Add.Markers(xs[level].ToArray(), ys[level].ToArray(), MarkerShape.FilledCircle, 4, color.ToScottPlot());
        }
        new ChartDrawing(plot, ChartPalette.Category10, 0).SetCategoryTicks(plot.Axes.Left, [.. _names.Select(RankingChart.Shorten)], topToBottom: true);
        plot.Axes.SetLimitsY(-0.7, _names.Length - 0.3);
        plot.Font.Set(ChartFont.Family);
        plot.Title(Title);
        plot.XLabel("SHAP value (colour: the feature's value, blue low → red high, grey missing)");
        plot.HideLegend();
        plot.RenderManager.ClearCanvasBeforeEachRender = false;
        plot.RenderInMemory(Math.Max(1, (int)Math.Round(area.Width)), Math.Max(1, (int)Math.Round(area.Height)));
        plot.Render(canvas, area);
    }

    /// <summary>One feature's dots: at most <see cref="MostDotsPerFeature"/> rows (every k-th), piled up within narrow SHAP bins.</summary>
    static void AddFeature(double[] shap, double[] values, int row, List<double>[] xs, List<double>[] ys)
    {
        var stride = Math.Max(1, (shap.Length + MostDotsPerFeature - 1) / MostDotsPerFeature);
        var (low, high) = Range(values);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var i = 0; i < shap.Length; i += stride)
            if (double.IsFinite(shap[i])) (min, max) = (Math.Min(min, shap[i]), Math.Max(max, shap[i]));
        if (!(max >= min)) return;
        var width = max > min ? (max - min) / Bins : 1;
        var counts = new int[Bins + 1];
        var crowd = 1;
        for (var i = 0; i < shap.Length; i += stride)
            if (double.IsFinite(shap[i])) crowd = Math.Max(crowd, ++counts[(int)((shap[i] - min) / width)]);
        Array.Clear(counts);
        // the most crowded bin spans ±0.4 of the row; every other bin piles up at the same spacing
        var step = 0.8 / crowd;
        for (var i = 0; i < shap.Length; i += stride)
        {
            if (!double.IsFinite(shap[i])) continue;
            var k = counts[(int)((shap[i] - min) / width)]++;
            var offset = (k % 2 == 0 ? 1 : -1) * ((k + 1) / 2) * step;
            var level = double.IsNaN(values[i]) ? ColorLevels
                : high > low ? (int)Math.Round(Math.Clamp((values[i] - low) / (high - low), 0, 1) * (ColorLevels - 1)) : ColorLevels / 2;
            xs[level].Add(shap[i]);
            ys[level].Add(row + offset);
        }
    }

    /// <summary>The 5th and 95th percentiles of the present values, so a few outliers do not wash out the colours.</summary>
    static (double Low, double High) Range(double[] values)
    {
        var present = values.Where(double.IsFinite).ToArray();
        if (present.Length == 0) return (0, 0);
        Array.Sort(present);
        return (present[(int)(0.05 * (present.Length - 1))], present[(int)Math.Ceiling(0.95 * (present.Length - 1))]);
    }

    static double MeanAbsolute(double[] values)
    {
        var total = 0.0;
        foreach (var v in values) if (double.IsFinite(v)) total += Math.Abs(v);
        return values.Length == 0 ? 0 : total / values.Length;
    }

    static ChartColor Blend(double t) => new(
        (byte)Math.Round(Low.Red + t * (High.Red - Low.Red)),
        (byte)Math.Round(Low.Green + t * (High.Green - Low.Green)),
        (byte)Math.Round(Low.Blue + t * (High.Blue - Low.Blue)));
}
