using Kiln.Data;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Kiln.Learn;

/// <summary>
/// How any fitted model is written into and read from a package section: which estimator made it, with which
/// parameters, on which input schema, and its own state. Loading only ever calls the <c>Load(ModelReader)</c>
/// of a model type the catalog (or the closed list of composites below) names — never a type the file names.
/// </summary>
public static class ModelFormat
{
    /// <summary>
    /// Models made of other models, which the catalog cannot describe by parameters: kind → loader. Kiln.Learn's own
    /// composites are listed here, so they can be loaded before any code has touched their types.
    /// </summary>
    static readonly Dictionary<string, Func<ModelReader, IModel>> Composites = new(StringComparer.Ordinal)
    {
        [Compose.PipelineModel.CompositeKind] = Compose.PipelineModel.Load,
        [Compose.ColumnTransformerModel.CompositeKind] = Compose.ColumnTransformerModel.Load,
    };

    /// <summary>Registers a composite model kind (pipeline, column transformer); only Kiln's own assemblies call this.</summary>
    internal static void RegisterComposite(string kind, Func<ModelReader, IModel> load) => Composites[kind] = load;

    internal static void Write(ModelWriter section, IModel model)
    {
        if (model is ICompositeModel composite)
        {
            section.Write("kind", composite.Kind);
            composite.Save(section.Section("state"));
            return;
        }
        var entry = EstimatorCatalog.TryFind(model.Estimator.GetType())
            ?? throw new InvalidOperationException($"{model.Estimator.GetType().Name} is not in the estimator catalog, so its model cannot be saved");
        section.Write("kind", "estimator");
        section.Write("estimator", entry.Name);
        var parameters = section.Section("parameters");
        foreach (var (name, value) in EstimatorCatalog.ParametersOf(model.Estimator))
            WriteParameter(parameters, name, value);
        WriteSchema(section.Section("schema"), model.Schema);
        model.Save(section.Section("state"));
    }

    /// <summary>The kind a model is saved under: its composite kind, or "estimator" for a catalog estimator's model.</summary>
    internal static string KindOf(IModel model) => model is ICompositeModel composite ? composite.Kind : "estimator";

    /// <summary>The estimator's hyperparameters as JSON, the way a package section records them.</summary>
    internal static JsonObject ParametersOf(IEstimator estimator)
    {
        var parameters = new ModelWriter();
        foreach (var (name, value) in EstimatorCatalog.ParametersOf(estimator))
            WriteParameter(parameters, name, value);
        return parameters.State;
    }

    /// <summary>Composites record their own input schema with this, in the same shape as an estimator's.</summary>
    internal static void WriteSchema(ModelWriter section, InputSchema schema)
    {
        section.Write("names", [.. schema.Columns.Select(c => c.Name)]);
        section.Write("types", [.. schema.Columns.Select(c => c.Type.Name())]);
    }

    internal static InputSchema ReadSchema(ModelReader section)
    {
        var names = section.ReadStrings("names");
        var types = section.ReadStrings("types");
        if (names.Length != types.Length) throw new InvalidDataException("model package: the input schema's names and types differ in number");
        try
        {
            return new InputSchema([.. names.Select((n, i) => new InputColumn(
                n ?? throw new InvalidDataException("model package: the input schema holds an empty column name"), DataTypeNames.Parse(types[i] ?? ""))) ]);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"model package: the input schema is not valid: {e.Message}", e);
        }
    }

    internal static IModel Read(ModelReader section)
    {
        var kind = section.ReadString("kind");
        if (kind != "estimator")
            return Composites.TryGetValue(kind, out var loadComposite)
                ? loadComposite(section.Section("state"))
                : throw new InvalidDataException($"model package: unknown model kind '{kind}'");

        var name = section.ReadString("estimator");
        if (EstimatorCatalog.All.FirstOrDefault(e => e.Name == name) is not { } entry)
            throw new InvalidDataException($"model package: estimator '{name}' is not in this version of Kiln's catalog");
        var raw = section.Section("parameters").Raw;
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, node) in raw) parameters[key] = node is null ? null : node.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
        IEstimator estimator;
        try
        {
            estimator = EstimatorCatalog.Create(name, parameters);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"model package: the parameters of '{name}' are not valid: {e.Message}", e);
        }
        var schema = ReadSchema(section.Section("schema"));
        return LoadModel(entry, section.Section("state").ForModel(estimator, schema));
    }

    static IModel LoadModel(CatalogEntry entry, ModelReader state)
    {
        var load = entry.ModelType.GetMethod("Load", BindingFlags.Public | BindingFlags.Static, [typeof(ModelReader)])
            ?? throw new InvalidOperationException($"{entry.ModelType.Name} has no public static Load(ModelReader)");
        try
        {
            return (IModel)load.Invoke(null, [state])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException is InvalidDataException ? e.InnerException : new InvalidDataException($"model package: '{entry.Name}' state is not valid: {e.InnerException.Message}", e.InnerException);
        }
    }

    static void WriteParameter(ModelWriter parameters, string name, object? value)
    {
        switch (value)
        {
            case null: parameters.Write(name, (string?)null); break;
            case bool b: parameters.Write(name, b); break;
            case int or long: parameters.Write(name, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case double or float: parameters.Write(name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case Enum e: parameters.Write(name, Kebab.Of(e.ToString())); break;
            default: parameters.Write(name, value.ToString()); break;
        }
    }
}
