using System.CommandLine;
using System.Text;
using Kiln.Data;

namespace Kiln.Cli;

/// <summary>The one way every <c>kiln data</c> command reads its input file, with the same reading options.</summary>
public static class FrameInput
{
    public static readonly Argument<string> File = new("file") { Description = $"A data file: {FrameFile.FormatNames}" };

    public static readonly Option<char> Separator = new("--sep") { Description = "Field separator (default: ',' or tab for .tsv)" };

    public static readonly Option<bool> NoHeader = new("--no-header") { Description = "The first row is data, not column names" };

    public static readonly Option<string[]> Types = new("--type")
    {
        Description = "Force a column's type, as NAME:TYPE (float64, int64, bool, string, datetime); repeatable",
        AllowMultipleArgumentsPerToken = true,
    };

    public static readonly Option<string[]> Missing = new("--missing")
    {
        Description = "Values that mean missing (replaces the defaults NA, NaN, null, …; the empty field is always missing)",
        AllowMultipleArgumentsPerToken = true,
    };

    public static readonly Option<string> Encoding = new("--encoding") { Description = "Text encoding (default utf-8), e.g. latin1" };

    public static void AddTo(Command command)
    {
        command.Arguments.Add(File);
        foreach (var option in new Option[] { Separator, NoHeader, Types, Missing, Encoding })
            command.Options.Add(option);
    }

    public static (Frame Frame, string Path) Read(ParseResult parseResult, CancellationToken cancellationToken = default)
    {
        var path = parseResult.GetValue(File)!;
        var options = new CsvOptions
        {
            Separator = parseResult.GetResult(Separator) is null ? FrameFile.DefaultSeparator(path) : parseResult.GetValue(Separator),
            HasHeader = parseResult.GetValue(NoHeader) ? false : null,
            Types = ParseTypes(parseResult.GetValue(Types) ?? []),
            Encoding = parseResult.GetValue(Encoding) is { } name ? GetEncoding(name) : null,
        };
        if (parseResult.GetValue(Missing) is { Length: > 0 } markers)
            options = options with { MissingMarkers = new HashSet<string>(markers, StringComparer.Ordinal) };
        return (FrameFile.Read(path, options, cancellationToken), path);
    }

    static Dictionary<string, DataType> ParseTypes(string[] specs)
    {
        var types = new Dictionary<string, DataType>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var colon = spec.LastIndexOf(':');
            if (colon <= 0 || colon == spec.Length - 1)
                throw new ArgumentException($"--type '{spec}' is not NAME:TYPE (for example Age:float64)");
            types[spec[..colon]] = DataTypeNames.Parse(spec[(colon + 1)..]);
        }
        return types;
    }

    static Encoding GetEncoding(string name)
    {
        try
        {
            return System.Text.Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            throw new ArgumentException($"--encoding '{name}' is not a known encoding (try utf-8, latin1, utf-16, ascii)");
        }
    }
}
