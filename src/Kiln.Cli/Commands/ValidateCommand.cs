using System.CommandLine;
using Kiln.Data;
using Kiln.Learn;
using Kiln.Serving.Monitoring;

namespace Kiln.Cli.Commands;

/// <summary>
/// <c>kiln data validate FILE --model MODEL</c>: the data-validation step of a pipeline. A new batch is checked against
/// what the model was trained on — the columns it takes with their types, then each feature's spread and the spread of
/// the model's predictions against the training reference, by the statistics and thresholds of <c>kiln monitor</c>.
/// Exits with <see cref="CliFailure.ChecksFailed"/> when the schema does not match or anything drifted.
/// </summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var command = DataCommands.Reading("validate",
            "Check a new batch of rows against a model's training data: its columns and types, each feature's drift and the drift of the model's predictions; exit 1 on a failure");
        var model = new Option<string>("--model") { Description = ModelArgument.Help, Required = true };
        command.Options.Add(model);
        command.Options.Add(TrackingOptionsCli.Database);
        foreach (var option in MonitorCommand.ThresholdOptions) command.Options.Add(option);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var thresholds = MonitorCommand.Thresholds(parseResult);
            using var argument = ModelArgument.Open(parseResult.GetValue(model)!, parseResult, cancellationToken);
            var fitted = ModelPackage.Load(argument.Path);
            var reference = await ReferenceOfAsync(argument, parseResult, cancellationToken);
            var (frame, path) = FrameInput.Read(parseResult, cancellationToken);

            string? schemaError = null;
            Column? predictions = null;
            try
            {
                var features = fitted.Schema.Check(frame, argument.Label);
                predictions = fitted is IPredictorModel predictor ? predictor.Predict(features) : null;
            }
            catch (SchemaMismatchException e)
            {
                schemaError = e.Message;
            }
            var drift = BatchDrift.Measure(reference, frame, predictions, thresholds);
            var passed = schemaError is null && !drift.Drifted;
            if (output.IsJson) output.WriteJson(new { Model = argument.Label, File = path, Rows = frame.RowCount, Schema = schemaError ?? "ok", drift.Features, drift.Predictions, Passed = passed });
            else
            {
                output.Writer.WriteLine($"{Path.GetFileName(path)}: {frame.RowCount:N0} rows against {argument.Label}");
                output.Writer.WriteLine(schemaError is null ? $"schema: the {fitted.Schema.Columns.Count} columns the model takes are there with their types" : $"schema: FAILED — {schemaError}");
                MonitorCommand.WriteDrift(output, drift.Features, drift.Predictions, thresholds);
                output.Writer.WriteLine(passed ? "passed" : "FAILED");
            }
            if (!passed)
            {
                var problems = (schemaError is null ? [] : new[] { "the schema does not match" })
                    .Concat(drift.Features.Where(f => f.Drifted).Select(f => $"'{f.Name}' drifted"))
                    .Concat(drift.Predictions?.Drifted == true ? ["the predictions drifted"] : []);
                parseResult.InvocationConfiguration.Error.WriteLine($"kiln data validate: {string.Join("; ", problems)}");
            }
            return passed ? 0 : CliFailure.ChecksFailed;
        });
        return command;
    }

    /// <summary>The training reference of a registered version (from its run), or the one written beside a package file.</summary>
    static async Task<ReferenceProfile> ReferenceOfAsync(ModelArgument argument, ParseResult parseResult, CancellationToken cancellationToken)
    {
        if (argument.Registered is { } version)
        {
            var (profile, source) = await ReferenceLocator.FindAsync(TrackingOptionsCli.Open(parseResult, cancellationToken), version.Name, version.Version, cancellationToken);
            return profile ?? throw new FileNotFoundException($"{argument.Label} has no training reference to validate against: {source}");
        }
        var beside = ReferenceProfile.PathBeside(argument.Path);
        return File.Exists(beside)
            ? ReferenceProfile.Load(beside)
            : throw new FileNotFoundException($"{argument.Label} has no training reference beside it ({beside}); `kiln train` writes one");
    }
}
