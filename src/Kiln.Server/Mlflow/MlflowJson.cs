using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Kiln.Server.Mlflow;

/// <summary>The serializer options for MLflow bodies: the generated context, with empty lists left out as protobuf's JSON does.</summary>
static class MlflowJson
{
    public static readonly JsonSerializerOptions Options = new(MlflowJsonContext.Default.Options)
    {
        TypeInfoResolver = MlflowJsonContext.Default.WithAddedModifier(LeaveOutEmptyLists),
    };

    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    static void LeaveOutEmptyLists(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
            if (property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
                property.ShouldSerialize = (_, value) => value is not ICollection { Count: 0 };
    }
}
