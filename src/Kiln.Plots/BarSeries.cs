namespace Kiln.Plots;

/// <summary>One value per category; several bar series on one chart stand side by side within each category.</summary>
sealed class BarSeries : ChartSeries
{
    const double CategoryWidth = 0.8;
    readonly string[] _categories;
    readonly double[] _values;
    readonly ChartColor? _color;

    public BarSeries(string[] categories, double[] values, string? label, ChartColor? color) : base(label)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(values);
        if (categories.Length != values.Length)
            throw new ArgumentException(
                $"there are {categories.Length} category labels but {values.Length} values; give one value per label", nameof(values));
        _categories = categories.ToArray();
        _values = values.ToArray();
        _color = color;
    }

    public override IReadOnlyList<string> Categories => _categories;

    public override void Draw(ChartDrawing drawing)
    {
        var color = drawing.ColorFor(_color).ToScottPlot();
        var slot = drawing.TakeBarSlot();
        var width = CategoryWidth / drawing.BarSeriesCount;
        var offset = -CategoryWidth / 2 + width * (slot + 0.5);
        var bars = new List<ScottPlot.Bar>(_values.Length);
        for (var i = 0; i < _values.Length; i++)
        {
            if (!double.IsFinite(_values[i]))
                continue;
            bars.Add(new ScottPlot.Bar
            {
                Position = i + offset,
                Value = _values[i],
                Size = width,
                FillColor = color,
                LineWidth = 0,
            });
        }
        var plot = drawing.Plot.Add.Bars(bars);
        plot.LegendText = Label ?? string.Empty;
        drawing.SetCategoryTicks(drawing.Plot.Axes.Bottom, _categories);
        if (_values.All(value => !(value < 0)))
            drawing.Plot.Axes.Margins(bottom: 0);
    }
}
