using System.CommandLine;
using Kiln.Data.Datasets;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary><c>kiln datasets list|get</c>: the catalog of the workbook's datasets and its verified, resumable downloads.</summary>
public static class DatasetsCommands
{
    public static Command Create()
    {
        var datasets = new Command("datasets", "List and download the workbook's public datasets");
        datasets.Subcommands.Add(List());
        datasets.Subcommands.Add(Get());
        return datasets;
    }

    static Command List()
    {
        var command = new Command("list", "List the datasets in the catalog and whether each is in the cache");
        command.Options.Add(CliOutput.JsonOption);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            using var downloader = new DatasetDownloader();
            var rows = new List<DatasetListing>();
            foreach (var entry in DatasetCatalog.All)
                rows.Add(new DatasetListing(entry.Name, Kebab(entry.Task.ToString()), entry.Target, entry.Files.Count,
                    entry.TotalBytes, await downloader.IsCachedAsync(entry, cancellationToken), entry.Description));
            if (output.IsJson)
            {
                output.WriteJson(rows);
                return 0;
            }
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumns("name", "task", "target", "files", "size", "cached", "description");
            foreach (var row in rows)
                table.AddRow(Markup.Escape(row.Name), row.Task, Markup.Escape(row.Target ?? ""), row.Files.ToString(),
                    Size(row.Bytes), row.Cached ? "[green]yes[/]" : "no", Markup.Escape(row.Description));
            output.Console.Write(table);
            output.Console.MarkupLine($"[dim]cache: {Markup.Escape(downloader.DatasetsFolder)}[/]");
            return 0;
        });
        return command;
    }

    static Command Get()
    {
        var name = new Argument<string>("name") { Description = "The dataset's name, as `kiln datasets list` shows it" };
        var command = new Command("get", "Download a dataset into the cache ($KILN_HOME), verify its checksums, resume a broken download");
        command.Arguments.Add(name);
        command.Options.Add(CliOutput.JsonOption);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var entry = DatasetCatalog.Find(parseResult.GetValue(name)!);
            using var downloader = new DatasetDownloader();
            var progress = new ProgressLines(output.IsJson ? TextWriter.Null : parseResult.InvocationConfiguration.Error);
            var dataset = await downloader.GetAsync(entry, progress, cancellationToken);
            if (output.IsJson) output.WriteJson(new { dataset.Entry.Name, dataset.Folder, dataset.Files });
            else
            {
                output.Writer.WriteLine($"{dataset.Entry.Name}: {dataset.Files.Count} file(s), checksums verified");
                output.Writer.WriteLine(dataset.Folder);
            }
            return 0;
        });
        return command;
    }

    static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}"));

    static string Size(long bytes) => bytes switch
    {
        < 1 << 10 => $"{bytes} B",
        < 1 << 20 => $"{bytes / 1024.0:F0} KB",
        _ => $"{bytes / 1048576.0:F1} MB",
    };

    sealed record DatasetListing(string Name, string Task, string? Target, int Files, long Bytes, bool Cached, string Description);

    /// <summary>One progress line per file every tenth of the way, on the error stream so that stdout stays clean for scripts.</summary>
    sealed class ProgressLines(TextWriter writer) : IProgress<DownloadProgress>
    {
        string _file = "";
        int _lastTenth = -1;

        public void Report(DownloadProgress value)
        {
            var tenth = value.BytesTotal <= 0 ? 10 : (int)(value.BytesDone * 10 / value.BytesTotal);
            if (value.FileName == _file && tenth == _lastTenth) return;
            _file = value.FileName;
            _lastTenth = tenth;
            writer.WriteLine($"[{value.FileIndex + 1}/{value.FileCount}] {value.FileName} {tenth * 10}% ({value.BytesDone:N0} of {value.BytesTotal:N0} bytes)");
        }
    }
}
