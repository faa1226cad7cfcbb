using System.CommandLine;
using Kiln.Data;
using Kiln.Plots;

namespace Kiln.Cli.Commands;

/// <summary><c>kiln data plot</c>: one chart of a table's columns, saved as PNG or SVG.</summary>
public static class PlotCommand
{
    public static Command Create()
    {
        var kind = new Option<string>("--kind") { Description = "hist, scatter, bar, box, line or heatmap", Required = true };
        kind.AcceptOnlyFromAmong("hist", "scatter", "bar", "box", "line", "heatmap");
        var x = new Option<string>("--x") { Description = "The column on the x axis (hist, bar, box: the column to show)" };
        var y = new Option<string>("--y") { Description = "The column on the y axis (scatter, line; bar: mean of it per x; box: grouped by x)" };
        var outPath = new Option<string>("--out") { Description = "The image to write: .png or .svg", Required = true };
        var title = new Option<string>("--title") { Description = "Chart title (default: from the columns)" };
        var bins = new Option<int>("--bins") { Description = "Histogram bins", DefaultValueFactory = _ => 20 };
        var color = new Option<string>("--color") { Description = "Colour for the series, e.g. #1f77b4 or red" };
        var command = DataCommands.Reading("plot", "Draw a histogram, scatter, bar, box, line chart or correlation heatmap");
        foreach (var option in new Option[] { kind, x, y, outPath, title, bins, color }) command.Options.Add(option);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var (frame, _) = FrameInput.Read(parseResult, cancellationToken);
            var request = new PlotRequest(parseResult.GetValue(kind)!, parseResult.GetValue(x), parseResult.GetValue(y),
                parseResult.GetValue(bins), parseResult.GetValue(color));
            var chart = Draw(frame, request);
            if (parseResult.GetValue(title) is { } text) chart.Title = text;
            var path = Path.GetFullPath(parseResult.GetValue(outPath)!);
            chart.Save(path);
            if (output.IsJson) output.WriteJson(new { path, request.Kind, request.X, request.Y });
            else output.Writer.WriteLine(path);
            return Task.FromResult(0);
        });
        return command;
    }

    sealed record PlotRequest(string Kind, string? X, string? Y, int Bins, string? Color);

    static Chart Draw(Frame frame, PlotRequest request)
    {
        switch (request.Kind)
        {
            case "hist":
                {
                    var x = Numbers(frame, Require(request.X, "--x", request.Kind));
                    return new Chart($"Histogram of {request.X}") { XLabel = request.X, YLabel = "rows" }
                        .Histogram(x, request.Bins, color: request.Color);
                }
            case "scatter":
            case "line":
                {
                    var xName = Require(request.X, "--x", request.Kind);
                    var yName = Require(request.Y, "--y", request.Kind);
                    var (xs, ys) = (Numbers(frame, xName), Numbers(frame, yName));
                    var chart = new Chart($"{yName} against {xName}") { XLabel = xName, YLabel = yName };
                    return request.Kind == "scatter" ? chart.Scatter(xs, ys, color: request.Color) : chart.Line(xs, ys, color: request.Color);
                }
            case "bar":
                {
                    var xName = Require(request.X, "--x", request.Kind);
                    if (request.Y is { } yName)
                    {
                        Numbers(frame, yName);
                        var means = frame.GroupBy(xName).Mean(yName);
                        return new Chart($"Mean {yName} by {xName}") { XLabel = xName, YLabel = $"mean {yName}" }
                            .Bar(Labels(means[0]), [.. means[1].AsFloat64().Values], color: request.Color);
                    }
                    var counts = frame.ValueCounts(xName);
                    return new Chart($"Rows by {xName}") { XLabel = xName, YLabel = "rows" }
                        .Bar(Labels(counts[0]), [.. counts[1].AsFloat64().Values], color: request.Color);
                }
            case "box":
                {
                    var xName = Require(request.X, "--x", request.Kind);
                    if (request.Y is not { } yName)
                        return new Chart($"Distribution of {xName}") { YLabel = xName }.Box((xName, Numbers(frame, xName)));
                    Numbers(frame, yName);
                    var groups = frame.ValueCounts(xName)[0];
                    var labels = Labels(groups);
                    var boxes = labels.Select(label => (label, Numbers(frame.Filter(Equals(frame[xName], label)), yName)))
                        .Where(box => box.Item2.Any(double.IsFinite)).ToArray();
                    return new Chart($"{yName} by {xName}") { XLabel = xName, YLabel = yName }.Box(boxes, request.Color);
                }
            case "heatmap":
                {
                    var correlations = frame.Correlation();
                    if (correlations.Size < 2)
                        throw new ArgumentException("--kind heatmap needs at least two numeric columns to correlate");
                    var matrix = new double[correlations.Size, correlations.Size];
                    for (var i = 0; i < correlations.Size; i++)
                        for (var j = 0; j < correlations.Size; j++) matrix[i, j] = correlations[i, j];
                    var side = Math.Clamp(90 * correlations.Size, 480, 1400);
                    return new Chart("Pearson correlation") { Width = side, Height = side }
                        .CorrelationHeatmap(matrix, [.. correlations.Names]);
                }
            default:
                throw new ArgumentException($"--kind '{request.Kind}' is not one of hist, scatter, bar, box, line, heatmap");
        }
    }

    static string Require(string? value, string option, string kind) =>
        value ?? throw new ArgumentException($"--kind {kind} needs {option} COLUMN");

    static double[] Numbers(Frame frame, string column)
    {
        var source = frame[column];
        if (!source.Type.IsNumeric())
            throw new ArgumentException($"column '{column}' is {source.Type.Name()}; this chart needs a numeric column");
        return [.. source.AsFloat64().Values];
    }

    static string[] Labels(Column column) => [.. Enumerable.Range(0, column.Length).Select(column.Format)];

    static bool[] Equals(Column column, string label)
    {
        var mask = new bool[column.Length];
        for (var i = 0; i < mask.Length; i++) mask[i] = !column.IsMissing(i) && column.Format(i) == label;
        return mask;
    }
}
