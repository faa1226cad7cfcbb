using System.CommandLine;
using Kiln.Data;
using Kiln.Learn;
using Kiln.Learn.Cleaning;
using Kiln.Learn.ModelSelection;
using Kiln.Learn.Preparation;
using Kiln.Plots;

namespace Kiln.Cli.Commands;

/// <summary>
/// <c>kiln prep</c>: the workbook's preprocessing exercise in one command — clean, split, encode, scale — writing the
/// splits, the fitted pipeline, an HTML report and a README that documents every fitted value. All files appear
/// together or not at all.
/// </summary>
public static class PrepCommand
{
    public static Command Create()
    {
        var target = new Option<string>("--target") { Description = "The column to predict", Required = true };
        var split = new Option<string>("--split") { Description = "Train/validation/test percentages", DefaultValueFactory = _ => "60/20/20" };
        var stratify = new Option<bool>("--stratify") { Description = "Keep each class's share in every split" };
        var outliers = new Option<string>("--drop-outliers") { Description = "Drop training rows outlying by iqr or zscore" };
        outliers.AcceptOnlyFromAmong("iqr", "zscore");
        var impute = new Option<string>("--impute") { Description = "Fill missing numbers with median, mean, mode or knn", DefaultValueFactory = _ => "median" };
        impute.AcceptOnlyFromAmong("median", "mean", "mode", "knn");
        var derive = new Option<string[]>("--derive") { Description = "A derived column as 'name=expression' (e.g. 'rooms_per_household=total_rooms/households'); repeatable", AllowMultipleArgumentsPerToken = true };
        var outFolder = new Option<string>("--out") { Description = "Output folder (default: FILE's name + '-prep' in the current folder)" };
        var seed = new Option<long>("--seed") { Description = "Seed for the split", DefaultValueFactory = _ => 42 };
        var command = DataCommands.Reading("prep", "Clean, split, impute, encode and scale a table for training; write the splits, pipeline, report and README");
        foreach (var option in new Option[] { target, split, stratify, outliers, impute, derive, outFolder, seed }) command.Options.Add(option);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var (frame, path) = FrameInput.Read(parseResult, cancellationToken);
            var options = new PreparationOptions(parseResult.GetValue(target)!)
            {
                Split = SplitFractions.Parse(parseResult.GetValue(split)!),
                Stratify = parseResult.GetValue(stratify),
                DropOutliers = parseResult.GetValue(outliers) switch { "iqr" => OutlierMethod.Iqr, "zscore" => OutlierMethod.ZScore, _ => null },
                Impute = Enum.Parse<NumericImputation>(parseResult.GetValue(impute)!, ignoreCase: true),
                Derive = parseResult.GetValue(derive) ?? [],
                Seed = parseResult.GetValue(seed),
            };
            var folder = Path.GetFullPath(parseResult.GetValue(outFolder) ?? $"{Path.GetFileNameWithoutExtension(path)}-prep");
            var progress = new Progress<string>(step => { if (!output.IsJson) parseResult.InvocationConfiguration.Error.WriteLine($"prep: {step}"); });
            var result = DataPreparation.Run(frame, path, options, progress, cancellationToken);
            var summary = PreparedFolder.Write(result, folder);
            if (output.IsJson) output.WriteJson(summary);
            else
            {
                output.Writer.WriteLine($"{Path.GetFileName(path)}: {summary.Rows.Train:N0} train, {summary.Rows.Validation:N0} validation, {summary.Rows.Test:N0} test rows; " +
                    $"{summary.OutputColumns.Count} prepared columns; {result.DuplicatesDropped:N0} duplicates and {result.Outliers?.DroppedCount ?? 0:N0} outliers dropped");
                foreach (var dropped in result.DroppedColumns) output.Writer.WriteLine($"  left out '{dropped.Column}': {dropped.Reason}");
                output.Writer.WriteLine(folder);
            }
            return Task.FromResult(0);
        });
        return command;
    }
}
