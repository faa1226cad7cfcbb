namespace Kiln.Server.Deployments;

/// <summary>Which field of a deployment — primary, canary, canaryWeight, shadow — a registry refusal is about, so the API and the model page can name it.</summary>
public static class DeploymentField
{
    /// <summary>The field a registry message is about, from the words it starts with; <c>body</c> when none.</summary>
    public static string Of(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var (words, field) in new[] { ("canary weight", "canaryWeight"), ("canary alias", "canary"), ("shadow alias", "shadow"), ("primary alias", "primary") })
            if (message.Replace("invalid ", "", StringComparison.Ordinal).StartsWith(words, StringComparison.Ordinal)) return field;
        return "body";
    }
}
