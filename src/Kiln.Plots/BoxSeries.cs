namespace Kiln.Plots;

/// <summary>One box per group at integer positions, its whiskers and its outliers drawn as open circles.</summary>
sealed class BoxSeries : ChartSeries
{
    readonly string[] _categories;
    readonly BoxStatistics[] _statistics;
    readonly ChartColor? _color;

    public BoxSeries(IReadOnlyList<(string Label, double[] Values)> groups, ChartColor? color, double whiskerReach) : base(null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count == 0)
            throw new ArgumentException("a box plot needs at least one group", nameof(groups));
        _categories = new string[groups.Count];
        _statistics = new BoxStatistics[groups.Count];
        for (var i = 0; i < groups.Count; i++)
        {
            var (label, values) = groups[i];
            ArgumentNullException.ThrowIfNull(values, $"{nameof(groups)}[{i}].Values");
            _categories[i] = label ?? string.Empty;
            try
            {
                _statistics[i] = BoxStatistics.Compute(values, whiskerReach);
            }
            catch (ArgumentException error) when (error is not ArgumentOutOfRangeException)
            {
                throw new ArgumentException($"box plot group '{label}' has no values that are not missing", nameof(groups), error);
            }
        }
        _color = color;
    }

    public override IReadOnlyList<string> Categories => _categories;

    public override void Draw(ChartDrawing drawing)
    {
        var outline = ScottPlot.Color.FromHex("#333333");
        var boxes = new List<ScottPlot.Box>(_statistics.Length);
        var fills = new ScottPlot.Color[_statistics.Length];
        for (var i = 0; i < _statistics.Length; i++)
        {
            var statistics = _statistics[i];
            fills[i] = (drawing.ColorFor(_color) with { Alpha = 190 }).ToScottPlot();
            boxes.Add(new ScottPlot.Box
            {
                Position = i,
                BoxMin = statistics.FirstQuartile,
                BoxMax = statistics.ThirdQuartile,
                BoxMiddle = statistics.Median,
                WhiskerMin = statistics.LowerWhisker,
                WhiskerMax = statistics.UpperWhisker,
                Width = 0.5,
                FillColor = fills[i],
                LineColor = outline,
                LineWidth = 1.5f,
            });
            if (statistics.Outliers.Count > 0)
            {
                var xs = Enumerable.Repeat((double)i, statistics.Outliers.Count).ToArray();
                drawing.Plot.Add.Markers(xs, statistics.Outliers.ToArray(), ScottPlot.MarkerShape.OpenCircle, 7, outline);
            }
        }
        var plot = drawing.Plot.Add.Boxes(boxes);
        // Adding boxes paints them all with one palette colour; each group keeps its own.
        for (var i = 0; i < boxes.Count; i++)
            plot.Boxes[i].FillColor = fills[i];
        drawing.SetCategoryTicks(drawing.Plot.Axes.Bottom, _categories);
    }
}
