using System.CommandLine;
using System.Globalization;
using Kiln.Vision;
using Kiln.Vision.Features;
using OpenCvSharp;

namespace Kiln.Cli.Commands.Vision;

/// <summary><c>kiln vision template</c>: finds a template in an image with any OpenCV matching method, optionally over scales.</summary>
public static class TemplateCommand
{
    static readonly Dictionary<string, TemplateMatchModes> Methods = new()
    {
        ["sqdiff"] = TemplateMatchModes.SqDiff, ["sqdiff-normed"] = TemplateMatchModes.SqDiffNormed,
        ["ccorr"] = TemplateMatchModes.CCorr, ["ccorr-normed"] = TemplateMatchModes.CCorrNormed,
        ["ccoeff"] = TemplateMatchModes.CCoeff, ["ccoeff-normed"] = TemplateMatchModes.CCoeffNormed,
    };

    public static Command Create()
    {
        var imagePath = new Argument<string>("image") { Description = "The image to search" };
        var templatePath = new Argument<string>("template") { Description = "The template to find" };
        var outPath = new Option<string>("--out") { Description = "Write the image with the best match boxed", Required = true };
        var method = new Option<string>("--method") { Description = "Matching method", DefaultValueFactory = _ => "ccoeff-normed" };
        method.AcceptOnlyFromAmong([.. Methods.Keys]);
        var scales = new Option<string>("--scales") { Description = "Try the template at several sizes: smallest:largest:count, e.g. 0.5:1.5:11" };
        var command = new Command("template", "Find a template in an image (six OpenCV methods, optionally multi-scale) and box the best match");
        command.Arguments.Add(imagePath);
        command.Arguments.Add(templatePath);
        foreach (var option in new Option[] { outPath, method, scales, CliOutput.JsonOption }) command.Options.Add(option);
        command.SetAction(parseResult =>
        {
            var output = new CliOutput(parseResult);
            using var image = ImageFile.Read(parseResult.GetValue(imagePath)!);
            using var template = ImageFile.Read(parseResult.GetValue(templatePath)!);
            var match = TemplateMatcher.Find(image, template, Methods[parseResult.GetValue(method)!], ParseScales(parseResult.GetValue(scales)));
            using var drawn = image.Clone();
            Drawing.Box(drawn, match.Box, NamedColors.Parse("green"), 2, $"{match.Score:0.###}");
            var path = Path.GetFullPath(parseResult.GetValue(outPath)!);
            ImageFile.Write(path, drawn);
            if (output.IsJson)
                output.WriteJson(new { path, x = match.Box.X, y = match.Box.Y, width = match.Box.Width, height = match.Box.Height, match.Score, match.Scale });
            else output.Writer.WriteLine($"found at {match.Box.X},{match.Box.Y} {match.Box.Width}×{match.Box.Height} (score {match.Score:G4}, scale {match.Scale:G3}): {path}");
            return 0;
        });
        return command;
    }

    static IReadOnlyList<double>? ParseScales(string? text)
    {
        if (text is null) return null;
        var parts = text.Split(':');
        if (parts.Length != 3
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var smallest)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var largest)
            || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out var count))
            throw new FormatException($"--scales '{text}': write smallest:largest:count, e.g. 0.5:1.5:11");
        return TemplateMatcher.Scales(smallest, largest, count);
    }
}
