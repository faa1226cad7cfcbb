using System.CommandLine;
using Kiln.Vision;
using Kiln.Vision.Editing;
using Spectre.Console;

namespace Kiln.Cli.Commands.Vision;

/// <summary><c>kiln vision edit</c>: applies a chain of image operations; <c>kiln vision ops</c> lists them.</summary>
public static class EditCommand
{
    public static Command Create()
    {
        var image = new Argument<string>("image") { Description = "The image to edit (PNG, JPEG, BMP, TIFF or WebP)" };
        var operations = new Option<string>("--ops") { Description = "Steps in order, e.g. 'blur:5,sharpen,canny:50:150' (kiln vision ops lists them)", Required = true };
        var outPath = new Option<string>("--out") { Description = "The edited image to write", Required = true };
        var compare = new Option<bool>("--compare") { Description = "Write the input and the edit side by side instead" };
        var command = new Command("edit", "Apply image operations in order: geometry, colour, blur, edges, thresholds, morphology, tone, drawing");
        command.Arguments.Add(image);
        foreach (var option in new Option[] { operations, outPath, compare, CliOutput.JsonOption }) command.Options.Add(option);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var pipeline = EditPipeline.Parse(parseResult.GetValue(operations)!);
            var path = Path.GetFullPath(parseResult.GetValue(outPath)!);
            using var input = ImageFile.Read(parseResult.GetValue(image)!);
            using var edited = pipeline.Apply(input, cancellationToken: cancellationToken);
            using var written = parseResult.GetValue(compare) ? EditPipeline.SideBySide(input, edited) : edited.Clone();
            ImageFile.Write(path, written);
            if (output.IsJson) output.WriteJson(new { path, steps = pipeline.Steps.Select(s => s.Text), width = written.Width, height = written.Height });
            else output.Writer.WriteLine(path);
            return Task.FromResult(0);
        });
        return command;
    }

    public static Command ListOperations()
    {
        var command = new Command("ops", "List the operations kiln vision edit applies, with their arguments");
        command.Options.Add(CliOutput.JsonOption);
        command.SetAction(parseResult =>
        {
            var output = new CliOutput(parseResult);
            if (output.IsJson)
            {
                output.WriteJson(EditOperations.All.Select(o => new { o.Name, o.Usage, o.Description }));
                return 0;
            }
            var table = new Table().Border(TableBorder.Rounded).AddColumns("step", "what it does");
            foreach (var operation in EditOperations.All) table.AddRow(Markup.Escape(operation.Usage), Markup.Escape(operation.Description));
            output.Console.Write(table);
            return 0;
        });
        return command;
    }
}
