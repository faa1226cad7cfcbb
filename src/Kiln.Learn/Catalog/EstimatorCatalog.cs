using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace Kiln.Learn;

/// <summary>
/// Every estimator Kiln has, each registered once by its <see cref="EstimatorAttribute"/>. Setting parameters
/// by name, cloning with changed parameters and validating them all go through here.
/// </summary>
public static class EstimatorCatalog
{
    static readonly ConcurrentDictionary<Assembly, bool> Scanned = new();
    static readonly ConcurrentDictionary<string, CatalogEntry> ByName = new(StringComparer.Ordinal);
    static readonly ConcurrentDictionary<Type, CatalogEntry> ByType = new();

    static EstimatorCatalog() => Register(typeof(EstimatorCatalog).Assembly);

    /// <summary>Adds the estimators of another assembly (Kiln.Neural, Kiln.Text …) to the catalog.</summary>
    public static void Register(Assembly assembly)
    {
        if (!Scanned.TryAdd(assembly, true)) return;
        foreach (var type in assembly.GetTypes())
        {
            if (type.GetCustomAttribute<EstimatorAttribute>() is not { } attribute) continue;
            var entry = CatalogEntry.From(type, attribute);
            if (!ByName.TryAdd(entry.Name, entry))
                throw new InvalidOperationException($"two estimators are registered as '{entry.Name}': {ByName[entry.Name].EstimatorType.Name} and {type.Name}");
            ByType[type] = entry;
        }
    }

    public static IReadOnlyList<CatalogEntry> All => [.. ByName.Values.OrderBy(e => e.Role).ThenBy(e => e.Name, StringComparer.Ordinal)];

    public static CatalogEntry Find(string name) =>
        ByName.TryGetValue(name, out var entry) ? entry
            : throw new ArgumentException($"no estimator named '{name}' (estimators: {string.Join(", ", All.Select(e => e.Name))})", nameof(name));

    public static CatalogEntry? TryFind(Type estimatorType) => ByType.GetValueOrDefault(estimatorType);

    /// <summary>The catalog name of an estimator, or its type name when it is not registered (pipelines, test doubles).</summary>
    public static string NameOf(object estimator) => TryFind(estimator.GetType())?.Name ?? estimator.GetType().Name;

    /// <summary>The estimator's hyperparameters by name.</summary>
    public static IReadOnlyDictionary<string, object?> ParametersOf(IEstimator estimator)
    {
        var entry = EntryOf(estimator);
        return entry.Parameters.ToDictionary(p => p.Name, p => p.Property.GetValue(estimator));
    }

    /// <summary>A copy of the estimator with some hyperparameters changed; values may be typed or text (as the CLI gives them).</summary>
    public static TEstimator With<TEstimator>(TEstimator estimator, IReadOnlyDictionary<string, object?> changes) where TEstimator : IEstimator
    {
        var entry = EntryOf(estimator);
        var clone = (TEstimator)estimator.GetType().GetMethod("<Clone>$")!.Invoke(estimator, null)!;
        foreach (var (name, value) in changes)
        {
            var spec = entry.Parameter(name);
            spec.Property.SetValue(clone, Convert(entry.Name, spec, value));
        }
        Validate(clone);
        return clone;
    }

    /// <summary>The named estimator with the given hyperparameters, the rest at their defaults.</summary>
    public static IEstimator Create(string name, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        var estimator = Find(name).Create();
        return parameters is null || parameters.Count == 0 ? Validated(estimator) : With(estimator, parameters);
    }

    /// <summary>Checks every hyperparameter against its allowed range or values; the error names the parameter and the range.</summary>
    public static void Validate(IEstimator estimator)
    {
        if (TryFind(estimator.GetType()) is not { } entry) return;
        foreach (var spec in entry.Parameters)
            spec.Check(entry.Name, spec.Property.GetValue(estimator));
    }

    static IEstimator Validated(IEstimator estimator)
    {
        Validate(estimator);
        return estimator;
    }

    static CatalogEntry EntryOf(IEstimator estimator) =>
        TryFind(estimator.GetType()) ?? throw new ArgumentException($"{estimator.GetType().Name} is not in the estimator catalog", nameof(estimator));

    /// <summary>A value, typed or text, as the parameter's own type; text that does not parse is an error naming the parameter.</summary>
    internal static object? Convert(string estimator, ParameterSpec spec, object? value)
    {
        var type = Nullable.GetUnderlyingType(spec.Property.PropertyType) ?? spec.Property.PropertyType;
        if (value is string text && type != typeof(string))
        {
            if (spec.Nullable && text.Trim().ToLowerInvariant() is "none" or "null" or "") return null;
            value = Parse(estimator, spec, type, text.Trim());
        }
        if (value is null || type.IsInstanceOfType(value)) return value;
        try
        {
            return type.IsEnum ? Enum.ToObject(type, value) : System.Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw new ArgumentException($"{estimator}: parameter '{spec.Name}' is {spec.Type}, not {value}", spec.Name, e);
        }
    }

    static object Parse(string estimator, ParameterSpec spec, Type type, string text)
    {
        object? parsed = type switch
        {
            _ when type == typeof(int) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
            _ when type == typeof(long) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null,
            _ when type == typeof(double) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
            _ when type == typeof(bool) => bool.TryParse(text, out var b) ? b : null,
            // scikit-learn spells choices in snake case (most_frequent), which is taken for the kebab-case name too
            _ when type.IsEnum => Enum.GetNames(type).FirstOrDefault(n => Kebab.Of(n) == text.Replace('_', '-') || n == text) is { } name ? Enum.Parse(type, name) : null,
            _ => null,
        };
        return parsed ?? throw new ArgumentException($"{estimator}: parameter '{spec.Name}' must be {spec.Allowed}, not '{text}'", spec.Name);
    }
}
