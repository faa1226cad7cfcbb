namespace Kiln.Serving;

/// <summary>A request named a model, alias or version that the host does not serve.</summary>
public sealed class ModelNotServedException(string message) : Exception(message);
