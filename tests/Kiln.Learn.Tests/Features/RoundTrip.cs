using System.Text.Json.Nodes;

namespace Kiln.Learn.Tests.Features;

/// <summary>Writes a model as a package section would hold it, through JSON text, and loads it back.</summary>
internal static class RoundTrip
{
    public static T Through<T>(T model) where T : IModel
    {
        var writer = new ModelWriter();
        ModelFormat.Write(writer, model);
        var json = JsonNode.Parse(writer.State.ToJsonString())!.AsObject();
        return (T)ModelFormat.Read(new ModelReader(json, writer.Arrays));
    }
}
