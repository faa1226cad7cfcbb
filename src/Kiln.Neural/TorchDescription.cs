namespace Kiln.Neural;

/// <summary>What the loaded libtorch is: its version and how many threads it computes with.</summary>
public sealed record TorchDescription(string Version, int Threads, int InteropThreads);
