namespace Kiln.Serving;

/// <summary>Input of the wrong kind for the model: rows sent to an image model, or images to a model that takes rows.</summary>
public sealed class UnsupportedInputException(string message) : Exception(message);
