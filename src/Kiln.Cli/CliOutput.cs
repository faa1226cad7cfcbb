using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Kiln.Cli;

/// <summary>Where a command writes: a Spectre console for people, or JSON for scripts when <c>--json</c> is given.</summary>
public sealed class CliOutput
{
    public static readonly Option<bool> JsonOption = new("--json") { Description = "Print the result as JSON instead of tables" };

    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public CliOutput(ParseResult parseResult)
    {
        Writer = parseResult.InvocationConfiguration.Output;
        IsJson = parseResult.GetValue(JsonOption);
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Writer),
            Ansi = ReferenceEquals(Writer, System.Console.Out) && !System.Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
        });
        if (!ReferenceEquals(Writer, System.Console.Out) || System.Console.IsOutputRedirected)
            Console.Profile.Width = 160;
    }

    public TextWriter Writer { get; }
    public bool IsJson { get; }
    public IAnsiConsole Console { get; }

    public void WriteJson<T>(T value) => Writer.WriteLine(JsonSerializer.Serialize(value, Json));

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);
}
