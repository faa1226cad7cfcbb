namespace Kiln.Serving;

/// <summary>The part a version plays in a deployment for one request.</summary>
public enum ServingRole
{
    /// <summary>The deployment's primary alias answered.</summary>
    Primary,

    /// <summary>The canary alias answered, for its share of requests.</summary>
    Canary,

    /// <summary>The shadow alias predicted the request in the background; its answer was logged, never returned.</summary>
    Shadow,
}
