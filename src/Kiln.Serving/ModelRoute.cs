namespace Kiln.Serving;

/// <summary>Where one request goes: the version that answers it, its role in the deployment, and the version that shadows it.</summary>
/// <param name="Role">The answering version's role; null when the request named an alias or version, or the model has no deployment.</param>
/// <param name="Shadow">The version that predicts the same rows in the background, or null.</param>
public readonly record struct ModelRoute(ServedModel Served, ServingRole? Role, ServedModel? Shadow);
