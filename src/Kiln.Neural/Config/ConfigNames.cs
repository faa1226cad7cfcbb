using Kiln.Learn;
using Kiln.Neural.Layers;

namespace Kiln.Neural.Config;

/// <summary>The snake_case names configs use for Kiln's enums and named objects, as Keras writes them ("leaky_relu", "glorot_uniform").</summary>
internal static class ConfigNames
{
    public static string Snake(string name) => Kebab.Of(name).Replace('-', '_');

    /// <summary>A name as written by hand, compared loosely: lower case, dashes read as underscores.</summary>
    public static string Normalise(string name) => name.Trim().ToLowerInvariant().Replace('-', '_');

    public static string Of(ActivationFunction function) => Snake(function.ToString());

    public static string Of(Padding padding) => Snake(padding.ToString());

    public static string Of(Initializer initializer) => Snake(initializer.Name);
}
