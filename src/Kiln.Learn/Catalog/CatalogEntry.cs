using System.Reflection;

namespace Kiln.Learn;

/// <summary>One registered estimator: its name, role, help, capability tags, hyperparameters and types.</summary>
public sealed record CatalogEntry(
    string Name,
    EstimatorRole Role,
    string Help,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<ParameterSpec> Parameters,
    Type EstimatorType,
    Type ModelType)
{
    public bool Has(string capability) => Capabilities.Contains(capability);

    public ParameterSpec Parameter(string name) =>
        Parameters.FirstOrDefault(p => p.Name == name)
        ?? throw new ArgumentException($"{Name} has no parameter '{name}' (parameters: {string.Join(", ", Parameters.Select(p => p.Name))})", nameof(name));

    /// <summary>The estimator with every hyperparameter at its default.</summary>
    public IEstimator Create() => (IEstimator)Activator.CreateInstance(EstimatorType)!;

    internal static CatalogEntry From(Type type, EstimatorAttribute attribute)
    {
        var defaults = Activator.CreateInstance(type)
            ?? throw new InvalidOperationException($"{type.Name} needs a parameterless constructor to be registered");
        var parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<ParameterAttribute>()))
            .Where(p => p.Attribute is not null)
            .Select(p => Spec(p.Property, p.Attribute!, p.Property.GetValue(defaults)))
            .ToList();
        var modelType = ModelTypeOf(type);
        if (modelType.GetMethod("Load", BindingFlags.Public | BindingFlags.Static, [typeof(ModelReader)]) is null)
            throw new InvalidOperationException($"{modelType.Name} needs public static {modelType.Name} Load(ModelReader) so that packages can load it");
        return new CatalogEntry(attribute.Name, attribute.Role, attribute.Help, attribute.Capabilities, parameters, type, modelType);
    }

    static ParameterSpec Spec(PropertyInfo property, ParameterAttribute attribute, object? defaultValue)
    {
        if (property.SetMethod is null)
            throw new InvalidOperationException($"{property.DeclaringType!.Name}.{property.Name} is a parameter, so it needs an init accessor");
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null
            || (!type.IsValueType && new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable);
        var typeName = type switch
        {
            _ when type == typeof(int) || type == typeof(long) => "int",
            _ when type == typeof(double) || type == typeof(float) => "float",
            _ when type == typeof(bool) => "bool",
            _ when type == typeof(string) => "string",
            _ when type.IsEnum => "choice",
            _ => throw new InvalidOperationException(
                $"{property.DeclaringType!.Name}.{property.Name}: parameters are int, float, bool, string or an enum, not {type.Name}"),
        };
        var allowed = type.IsEnum ? Enum.GetNames(type).Select(Kebab.Of).ToArray() : attribute.Values;
        return new ParameterSpec(Kebab.Of(property.Name), typeName, defaultValue, attribute.Min, attribute.Max,
            attribute.MinExclusive, attribute.MaxExclusive, allowed, nullable, attribute.Help) { Property = property, Search = attribute.Search };
    }

    static Type ModelTypeOf(Type estimator)
    {
        for (var type = estimator; type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Estimator<>))
                return type.GetGenericArguments()[0];
        throw new InvalidOperationException($"{estimator.Name} must derive from Estimator<TModel> to be registered");
    }
}
