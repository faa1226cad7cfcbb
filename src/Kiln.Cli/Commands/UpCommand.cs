using System.CommandLine;
using Kiln.Data;
using Kiln.Data.Datasets;

namespace Kiln.Cli.Commands;

/// <summary>
/// <c>kiln up</c>: the main job. Until the web platform lands it is a quickstart that needs no network:
/// it profiles the bundled iris dataset and writes the HTML report under <c>$KILN_HOME/reports</c>.
/// </summary>
public static class UpCommand
{
    public static Command Create()
    {
        var command = new Command("up", "Start Kiln: profile the bundled sample dataset and write its HTML report");
        command.Options.Add(CliOutput.JsonOption);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var entry = DatasetCatalog.Find("iris");
            var file = entry.Files[0];
            string text;
            using (var reader = new StreamReader(DatasetCatalog.OpenEmbedded(entry, file)))
                text = reader.ReadToEnd();
            var frame = CsvReader.ReadText(text, source: file.FileName);
            var folder = Path.Combine(KilnHome.Path, "reports");
            var written = ProfileWriter.Write(frame, file.FileName, entry.Target, folder);
            if (output.IsJson) output.WriteJson(new { written.ReportPath, written.JsonPath });
            else
            {
                output.Writer.WriteLine("Kiln quickstart: profiled the bundled iris dataset (150 flowers, 4 measurements, 3 species).");
                DataCommands.Summarise(output, written);
                output.Writer.WriteLine("Next: ./kiln data profile YOUR.csv --target COLUMN   (./kiln --help lists every command)");
            }
            return Task.FromResult(0);
        });
        return command;
    }
}
