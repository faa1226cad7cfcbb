namespace Kiln.Neural.Packaging;

/// <summary>A network read back from its package with what the package recorded about it; disposing it frees the network.</summary>
public sealed class PackagedNetwork(Model model, NeuralPackageInfo info) : IDisposable
{
    /// <summary>The network, compiled when it was saved compiled, with its saved weights.</summary>
    public Model Model { get; } = model;

    public NeuralPackageInfo Info { get; } = info;

    public void Dispose() => Model.Dispose();
}
