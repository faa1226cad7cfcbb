using System.Globalization;

namespace Kiln.Serving;

/// <summary>
/// How a request names a model: <c>name</c> (the version aliased <c>champion</c>, else the latest), <c>name@alias</c>
/// or <c>name/version</c>.
/// </summary>
public readonly record struct ModelReference(string Name, string? Alias, int? Version)
{
    /// <summary>The alias a bare name resolves to when the model has it.</summary>
    public const string DefaultAlias = "champion";

    public static ModelReference Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            var (name, alias) = (text[..at], text[(at + 1)..]);
            if (name.Length == 0 || alias.Length == 0) throw new ArgumentException($"model '{text}': write name@alias, with both parts");
            return new ModelReference(name, alias, null);
        }
        var slash = text.LastIndexOf('/');
        if (slash >= 0)
        {
            var (name, version) = (text[..slash], text[(slash + 1)..]);
            if (name.Length == 0 || !int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
                throw new ArgumentException($"model '{text}': write name/version with a version number of 1 or more");
            return new ModelReference(name, null, number);
        }
        return new ModelReference(text, null, null);
    }

    public override string ToString() =>
        Alias is not null ? $"{Name}@{Alias}" : Version is { } v ? $"{Name}/{v.ToString(CultureInfo.InvariantCulture)}" : Name;
}
