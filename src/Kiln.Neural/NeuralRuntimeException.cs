namespace Kiln.Neural;

/// <summary>The neural-network runtime (libtorch) is unusable on this machine; the message says why.</summary>
public sealed class NeuralRuntimeException(string message, Exception? inner = null) : Exception(message, inner);
