using System.CommandLine;
using Kiln.Learn.ModelSelection;

namespace Kiln.Cli.Commands;

/// <summary>
/// <c>kiln data split FILE --out DIR</c>: scikit-learn's train_test_split on a file — the rows as they are, shuffled by a
/// seed (or kept apart by class, group or time), written as <c>train.csv</c>, <c>validation.csv</c> when asked for, and
/// <c>test.csv</c> into a folder that appears whole or not at all. <c>kiln prep</c> splits too, and then cleans and
/// encodes; this leaves the preprocessing to the model package, so held-out rows stay raw like the rows it will serve.
/// </summary>
public static class SplitCommand
{
    const string TrainFile = "train.csv";

    public static Command Create()
    {
        var command = DataCommands.Reading("split", "Split a table's rows into train.csv, [validation.csv] and test.csv as they are (scikit-learn's train_test_split)");
        var outFolder = new Option<string>("--out") { Description = "The folder to write the splits into (replaced if an earlier split wrote it)", Required = true };
        var split = new Option<string>("--split") { Description = "Train/test or train/validation/test percentages", DefaultValueFactory = _ => "80/20" };
        var stratify = new Option<string>("--stratify") { Description = "Keep each class of this column in the same share in every split" };
        var group = new Option<string>("--group") { Description = "Keep all rows of each value of this column in one split" };
        var time = new Option<string>("--by-time") { Description = "Order by this column: the earliest rows train, the latest test" };
        var seed = new Option<long>("--seed") { Description = "Seed for the shuffle", DefaultValueFactory = _ => 42 };
        foreach (var option in new Option[] { outFolder, split, stratify, group, time, seed }) command.Options.Add(option);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var chosen = new[] { (stratify, SplitMode.Stratified), (group, SplitMode.Grouped), (time, SplitMode.ByTime) }
                .Where(c => parseResult.GetValue(c.Item1) is not null).ToList();
            if (chosen.Count > 1)
                throw new ArgumentException($"give one of --stratify, --group and --by-time, not {string.Join(" and ", chosen.Select(c => c.Item1.Name))}");
            var (mode, column) = chosen.Count == 0 ? (SplitMode.Random, null) : (chosen[0].Item2, parseResult.GetValue(chosen[0].Item1));
            var fractions = SplitFractions.Parse(parseResult.GetValue(split)!);
            var (frame, path) = FrameInput.Read(parseResult, cancellationToken);
            if (column is not null && !frame.HasColumn(column))
                throw new Kiln.Data.UnknownColumnException(column, frame.ColumnNames);
            var result = DataSplit.Apply(frame, fractions, mode, column, parseResult.GetValue(seed));
            var folder = Path.GetFullPath(parseResult.GetValue(outFolder)!);
            var parts = new List<(string File, Kiln.Data.Frame Rows)> { (TrainFile, result.Train) };
            if (fractions.Validation > 0) parts.Add(("validation.csv", result.Validation));
            parts.Add(("test.csv", result.Test));
            ReportFolder.Write(folder, TrainFile, "split", staging =>
            {
                foreach (var (file, rows) in parts) rows.WriteCsv(Path.Combine(staging, file));
            }, cancellationToken);
            if (output.IsJson) output.WriteJson(new { Source = path, Folder = folder, Splits = parts.Select(p => new { p.File, p.Rows.RowCount }) });
            else foreach (var (file, rows) in parts) output.Writer.WriteLine($"{Path.Combine(folder, file)}: {rows.RowCount:N0} rows");
            return Task.FromResult(0);
        });
        return command;
    }
}
