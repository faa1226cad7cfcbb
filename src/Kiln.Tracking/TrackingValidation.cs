using System.Text.RegularExpressions;

namespace Kiln.Tracking;

/// <summary>MLflow's rules for names and values, with messages that name what was wrong.</summary>
static partial class TrackingValidation
{
    [GeneratedRegex(@"^[/\w.\- ]*$")]
    private static partial Regex KeyCharacters();

    [GeneratedRegex(@"^[\w\-]*$")]
    private static partial Regex AliasCharacters();

    [GeneratedRegex(@"^[vV]\d+$")]
    private static partial Regex VersionAlias();

    /// <summary>A param, metric or tag key: letters, digits, <c>_ - . / space</c>, and no part that a file path would fold away.</summary>
    public static string Key(string kind, string? key)
    {
        if (string.IsNullOrEmpty(key)) throw TrackingException.Invalid($"{kind} name is missing; a key name must be given");
        if (!KeyCharacters().IsMatch(key))
            throw TrackingException.Invalid($"invalid {kind} name '{key}': names may only contain letters, digits, underscores (_), dashes (-), periods (.), spaces ( ) and slashes (/)");
        if (key.Split('/').Any(part => part is "" or "." or ".."))
            throw TrackingException.Invalid($"invalid {kind} name '{key}': names may be used as file paths, so they may not start or end with '/', repeat it, or have '.' or '..' parts");
        return Length($"{kind} name", key, TrackingLimits.Key);
    }

    public static string Length(string what, string value, int limit) =>
        value.Length <= limit ? value
        : throw TrackingException.Invalid($"{what} '{Preview(value)}' is {value.Length} characters long, over the limit of {limit}");

    public static string Required(string what, string? value, int limit) =>
        string.IsNullOrWhiteSpace(value) ? throw TrackingException.Invalid($"{what} is missing") : Length(what, value, limit);

    /// <param name="what">What the alias is called in messages, such as <c>canary alias</c>.</param>
    public static string Alias(string? alias, string what = "alias")
    {
        var name = Required(what, alias, TrackingLimits.Alias);
        if (!AliasCharacters().IsMatch(name))
            throw TrackingException.Invalid($"invalid {what} '{name}': aliases may only contain letters, digits, underscores (_) and dashes (-)");
        if (name.Equals("latest", StringComparison.OrdinalIgnoreCase))
            throw TrackingException.Invalid("the alias 'latest' is reserved: it always means the newest version");
        if (VersionAlias().IsMatch(name))
            throw TrackingException.Invalid($"the alias '{name}' is reserved: v followed by a number names that version");
        return name;
    }

    public static int Version(int version) =>
        version >= 1 ? version : throw TrackingException.Invalid($"model version {version} is not a version number; versions count from 1");

    static string Preview(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
