using System.CommandLine;
using Kiln.Data;
using Kiln.Vision;
using Kiln.Vision.Documents;

namespace Kiln.Cli.Commands.Vision;

/// <summary><c>kiln vision scan</c>: finds a page in a photograph and straightens it; writes nothing when there is no page.</summary>
public static class ScanCommand
{
    public static Command Create()
    {
        var image = new Argument<string>("image") { Description = "A photograph of a page" };
        var outPath = new Option<string>("--out") { Description = "The straightened page to write", Required = true };
        var blackAndWhite = new Option<bool>("--bw") { Description = "Give the page a black-and-white scanned look (adaptive threshold)" };
        var outline = new Option<string>("--outline") { Description = "Also write the photograph with the page's outline and corners drawn" };
        var command = new Command("scan", "Find a document in a photo (edges, largest four-cornered outline) and warp it to a straight page");
        command.Arguments.Add(image);
        foreach (var option in new Option[] { outPath, blackAndWhite, outline, CliOutput.JsonOption }) command.Options.Add(option);
        command.SetAction(parseResult =>
        {
            var output = new CliOutput(parseResult);
            var source = parseResult.GetValue(image)!;
            using var photo = ImageFile.Read(source);
            using var scan = DocumentScanner.Scan(photo, new ScanOptions { BlackAndWhite = parseResult.GetValue(blackAndWhite) })
                ?? throw new DataFormatException(source, null, null, "no document found: no four-cornered outline covers a tenth of the photo; nothing written");
            var path = Path.GetFullPath(parseResult.GetValue(outPath)!);
            ImageFile.Write(path, scan.Page);
            if (parseResult.GetValue(outline) is { } outlinePath)
            {
                using var drawn = photo.Clone();
                var thickness = Math.Max(2, Math.Max(photo.Width, photo.Height) / 300);
                Drawing.Polygon(drawn, scan.Corners.Select(p => new OpenCvSharp.Point(p.X, p.Y)), NamedColors.Parse("green"), thickness);
                foreach (var corner in scan.Corners)
                    Drawing.Circle(drawn, new OpenCvSharp.Point(corner.X, corner.Y), 3 * thickness, NamedColors.Parse("red"), -1);
                ImageFile.Write(outlinePath, drawn);
            }
            if (output.IsJson)
                output.WriteJson(new { path, width = scan.Page.Width, height = scan.Page.Height, corners = scan.Corners.Select(p => new[] { p.X, p.Y }) });
            else output.Writer.WriteLine($"{path} ({scan.Page.Width}×{scan.Page.Height}; corners {string.Join(" ", scan.Corners.Select(p => $"{p.X:0},{p.Y:0}"))})");
            return 0;
        });
        return command;
    }
}
