using ScottPlot;
using SkiaSharp;

namespace Kiln.Plots;

/// <summary>
/// Values as horizontal bars, the largest at the top, one row per name: feature importances (permutation, impurity
/// or mean |SHAP|), or models ranked by a cross-validated score. Only the <see cref="Top"/> largest are drawn so a
/// model with hundreds of one-hot columns stays readable; long names are shortened; optional whiskers show a spread (± std).
/// </summary>
public sealed class RankingChart : Figure
{
    /// <summary>How many bars are drawn when no other limit is given.</summary>
    public const int DefaultTop = 20;

    const int LongestName = 48;

    readonly string[] _names;
    readonly double[] _values;
    readonly double[]? _errors;

    public RankingChart(string title, IReadOnlyList<string> names, IReadOnlyList<double> values, IReadOnlyList<double>? errors = null, int top = DefaultTop)
        : base(900, 400)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        if (names.Count != values.Count)
            throw new ArgumentException($"{names.Count} names but {values.Count} values; give one per name", nameof(values));
        if (errors is not null && errors.Count != values.Count)
            throw new ArgumentException($"{errors.Count} spreads but {values.Count} values; give one per value", nameof(errors));
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        Title = title;
        Top = top;
        // largest first; NaN counts as the smallest, ties keep the given order
        var order = Enumerable.Range(0, values.Count)
            .OrderByDescending(i => double.IsNaN(values[i]) ? double.NegativeInfinity : values[i]).ThenBy(i => i).Take(top).ToArray();
        _names = [.. order.Select(i => names[i])];
        _values = [.. order.Select(i => values[i])];
        _errors = errors is null ? null : [.. order.Select(i => errors[i])];
        Height = Math.Min(MaximumSize, 130 + 26 * Math.Max(3, _names.Length));
    }

    public string Title { get; set; }

    public string? XLabel { get; set; }

    public int Top { get; }

    /// <summary>The names drawn, from the top bar down.</summary>
    public IReadOnlyList<string> ShownNames => _names;

    /// <summary>A name cut to fit beside its bar, with an ellipsis where it was cut.</summary>
    public static string Shorten(string name) => name.Length <= LongestName ? name : string.Concat(name.AsSpan(0, LongestName - 1), "…");

    internal override void Draw(SKCanvas canvas, PixelRect area)
    {
        using var plot = new Plot();
        var color = ChartPalette.Category10[0].ToScottPlot();
        var bars = new List<Bar>(_values.Length);
        for (var i = 0; i < _values.Length; i++)
        {
            if (!double.IsFinite(_values[i])) continue;
            bars.Add(new Bar
            {
                Position = _values.Length - 1 - i,
                Value = _values[i],
                Error = _errors is { } e && double.IsFinite(e[i]) ? e[i] : 0,
                Size = 0.7,
                FillColor = color,
                LineWidth = 0,
            });
        }
        var series = plot.Add.Bars(bars);
        series.Horizontal = true;
        new ChartDrawing(plot, ChartPalette.Category10, 1).SetCategoryTicks(plot.Axes.Left, [.. _names.Select(Shorten)], topToBottom: true);
        if (_values.All(v => !(v < 0))) plot.Axes.Margins(left: 0);
        plot.Font.Set(ChartFont.Family);
        plot.Title(Title);
        if (!string.IsNullOrEmpty(XLabel)) plot.XLabel(XLabel);
        plot.HideLegend();
        plot.RenderManager.ClearCanvasBeforeEachRender = false;
        plot.RenderInMemory(Math.Max(1, (int)Math.Round(area.Width)), Math.Max(1, (int)Math.Round(area.Height)));
        plot.Render(canvas, area);
    }
}
