namespace Kiln.Server.Web.Shared;

/// <summary>A change to the registry the platform refused, with a message to show the user as it is.</summary>
public sealed class ModelChangeException(string message) : Exception(message);
