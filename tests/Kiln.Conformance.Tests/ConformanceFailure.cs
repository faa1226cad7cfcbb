namespace Kiln.Conformance.Tests;

/// <summary>An estimator broke the contract; the message names the check, the estimator and what went wrong.</summary>
public sealed class ConformanceFailure(string message, Exception? inner = null) : Exception(message, inner);
