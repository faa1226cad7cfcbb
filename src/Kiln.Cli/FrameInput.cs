using System.CommandLine;
using System.Text;
using Kiln.Data;

namespace Kiln.Cli;

/// <summary>The one way every <c>kiln data</c> command reads its input file, with the same reading options.</summary>
public static class FrameInput
{
    public static readonly Argument<string> File = new("file")
    {
        Description = $"A data file: {FrameFile.FormatNames}; any other text file (a UCI .data file, a file with no extension) is read as delimited text, comma-separated unless --sep says otherwise",
    };

    public static readonly Option<string> Separator = new("--sep")
    {
        Description = "Field separator for delimited text: one character, or '\\t' or tab for a tab (default: ',' or tab for .tsv)",
    };

    public static readonly Option<bool> NoHeader = new("--no-header") { Description = "The first row is data, not column names (they are column_1, column_2, …)" };

    public static readonly Option<string> Names = new("--names")
    {
        Description = "Name the columns of delimited text, comma-separated, one per column, as pandas' names=: the first row is then data",
    };

    public static readonly Option<string> Quote = new("--quote")
    {
        Description = "The character that quotes fields in delimited text (default '\"'), or none to read quotes as plain text (pandas' quoting=csv.QUOTE_NONE)",
    };

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
        foreach (var option in new Option[] { Separator, NoHeader, Names, Quote, Types, Missing, Encoding })
            command.Options.Add(option);
    }

    public static (Frame Frame, string Path) Read(ParseResult parseResult, CancellationToken cancellationToken = default)
    {
        var path = parseResult.GetValue(File)!;
        var names = parseResult.GetValue(Names) is { } list ? ParseNames(list) : null;
        if (names is not null && !FrameFile.IsDelimitedText(path))
            throw new ArgumentException($"--names names the columns of delimited text, and {path} is {Path.GetExtension(path)}, whose columns are named in the file");
        var options = new CsvOptions
        {
            Separator = parseResult.GetValue(Separator) is { } separator ? ParseSeparator(separator) : FrameFile.DefaultSeparator(path),
            Quote = parseResult.GetValue(Quote) is { } quote ? ParseQuote(quote) : CsvOptions.Default.Quote,
            HasHeader = parseResult.GetValue(NoHeader) ? false : null,
            Names = names,
            Types = ParseTypes(parseResult.GetValue(Types) ?? []),
            Encoding = parseResult.GetValue(Encoding) is { } name ? GetEncoding(name) : null,
        };
        if (parseResult.GetValue(Missing) is { Length: > 0 } markers)
            options = options with { MissingMarkers = new HashSet<string>(markers, StringComparer.Ordinal) };
        try
        {
            return (FrameFile.Read(path, options, cancellationToken), path);
        }
        catch (ColumnNamesCountException error)
        {
            throw new ArgumentException($"--names gives {error.Given} names but {path} has {error.Found} columns", error);
        }
    }

    /// <summary>One character, or what people type for a tab: the two characters \t (as pandas' sep='\t') or the word tab.</summary>
    static char ParseSeparator(string value) => value switch
    {
        "\\t" or "tab" or "TAB" => '\t',
        { Length: 1 } => value[0],
        _ => throw new ArgumentException($"--sep '{value}' is not one character: give a single character such as ';' or '|', or '\\t' or tab for a tab"),
    };

    static char? ParseQuote(string value) => value switch
    {
        "none" or "NONE" => null,
        { Length: 1 } => value[0],
        _ => throw new ArgumentException($"--quote '{value}' is neither one character nor none"),
    };

    static string[] ParseNames(string list)
    {
        var names = list.Split(',', StringSplitOptions.TrimEntries);
        if (names.Any(n => n.Length == 0)) throw new ArgumentException($"--names '{list}' holds an empty name: give one name per column, comma-separated");
        return names;
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
