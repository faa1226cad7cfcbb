using System.CommandLine;
using System.Globalization;
using Kiln.Serving;
using Kiln.Tracking;

namespace Kiln.Cli;

/// <summary>
/// The model a command applies, as the user names it: a package file, or a registered model as MLflow clients name one —
/// <c>models:/NAME@ALIAS</c>, <c>models:/NAME/VERSION</c>, or <c>models:/NAME</c> (the version aliased champion, else the
/// latest). A registered model's package is copied out of the store that <c>--db</c> names into a scratch file, deleted
/// when the command is done.
/// </summary>
public sealed class ModelArgument : IDisposable
{
    public const string Scheme = "models:/";

    public const string Help = "A model package file (.kiln), or a registered model: models:/NAME@ALIAS, models:/NAME/VERSION, or models:/NAME (champion, else the latest)";

    ModelArgument(string path, string label, ModelVersion? registered) => (Path, Label, Registered) = (path, label, registered);

    /// <summary>The registry's version when the model was named as a registered one (its package is then a scratch copy); null for a file.</summary>
    public ModelVersion? Registered { get; }

    /// <summary>The package file to load.</summary>
    public string Path { get; }

    /// <summary>How output names the model: the file as given, or the registered model and its version.</summary>
    public string Label { get; }

    /// <summary>Adds the model argument to a command, with the <c>--db</c> option a registered model is read through.</summary>
    public static Argument<string> AddTo(Command command, string? use = null)
    {
        var argument = new Argument<string>("model") { Description = use is null ? Help : $"{Help}; {use}" };
        command.Arguments.Add(argument);
        if (!command.Options.Contains(TrackingOptionsCli.Database)) command.Options.Add(TrackingOptionsCli.Database);
        return argument;
    }

    /// <summary>The file behind <paramref name="text"/>; a registered model that does not exist, or has no such alias or version, is an error naming it.</summary>
    public static ModelArgument Open(string text, ParseResult parseResult, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (!text.StartsWith(Scheme, StringComparison.Ordinal))
            return File.Exists(text) ? new(System.IO.Path.GetFullPath(text), text, registered: null) : throw new FileNotFoundException($"{text}: no such model package");
        var reference = ModelReference.Parse(text[Scheme.Length..]);
        var registry = TrackingOptionsCli.Open(parseResult, cancellationToken).Registry;
        var (version, alias) = Resolve(registry, reference, cancellationToken).GetAwaiter().GetResult();
        var scratch = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kiln-model-{Guid.NewGuid():N}.kiln");
        try
        {
            using (var package = registry.OpenPackageAsync(version.Name, version.Version, cancellationToken).GetAwaiter().GetResult())
            using (var file = File.Create(scratch))
                package.CopyTo(file);
            var label = $"{version.Name} version {version.Version.ToString(CultureInfo.InvariantCulture)}" + (alias is null ? "" : $" ({alias})");
            return new(scratch, label, version);
        }
        catch
        {
            File.Delete(scratch);
            throw;
        }
    }

    /// <summary>The version <paramref name="reference"/> names, and the alias it was reached by (null for a version number or the latest).</summary>
    static async Task<(ModelVersion Version, string? Alias)> Resolve(ModelRegistry registry, ModelReference reference, CancellationToken cancellationToken)
    {
        if (reference.Version is { } number) return (await registry.GetVersionAsync(reference.Name, number, cancellationToken).ConfigureAwait(false), null);
        var alias = reference.Alias;
        if (alias is null && (await registry.GetModelAsync(reference.Name, cancellationToken).ConfigureAwait(false)).Aliases.ContainsKey(ModelReference.DefaultAlias))
            alias = ModelReference.DefaultAlias;
        var version = await registry.GetVersionByAliasAsync(reference.Name, alias ?? "latest", cancellationToken).ConfigureAwait(false);
        return (version, alias);
    }

    public void Dispose()
    {
        if (Registered is not null) File.Delete(Path);
    }
}
