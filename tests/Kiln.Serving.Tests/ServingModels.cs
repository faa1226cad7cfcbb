using Kiln.Data;
using Kiln.Learn;
using Kiln.Learn.Preprocessing;
using Kiln.Learn.Trees;
using Kiln.Testing;
using Kiln.Tracking;

namespace Kiln.Serving.Tests;

/// <summary>A fresh tracking store with small real model packages to register and serve.</summary>
public sealed class ServingModels : IDisposable
{
    public TemporaryFolder Folder { get; } = new();

    public Task<TrackingStore> OpenStoreAsync() => TrackingStore.OpenAsync(new TrackingOptions { Home = Folder.Path });

    /// <summary>A tree that answers "low" below <paramref name="threshold"/> of x and "high" above it; y is ignored noise.</summary>
    public string ThresholdTree(string fileName, double threshold)
    {
        var x = new double[] { threshold - 3, threshold - 2, threshold - 1, threshold + 1, threshold + 2, threshold + 3 };
        var features = new Frame(new Float64Column("x", x), new Float64Column("y", [1, 0, 1, 0, 1, 0]));
        var target = new StringColumn("label", ["low", "low", "low", "high", "high", "high"]);
        var path = Folder.File(fileName);
        ModelPackage.Save(new DecisionTreeClassifier().Fit(features, target), path);
        return path;
    }

    /// <summary>Registers a <see cref="ThresholdTree"/> as the next version of <paramref name="name"/>, with the aliases given.</summary>
    public Task<ModelVersion> RegisterTreeAsync(TrackingStore store, string name, double threshold, params string[] aliases) =>
        store.Registry.RegisterAsync(name, new NewModelVersion { PackageFile = ThresholdTree($"{Guid.NewGuid():N}.kiln", threshold), Aliases = aliases });

    /// <summary>A transformer, which the host must refuse to serve.</summary>
    public string Scaler(string fileName)
    {
        var path = Folder.File(fileName);
        ModelPackage.Save(new StandardScaler().Fit(new Frame(new Float64Column("x", [1, 2, 3]))), path);
        return path;
    }

    public void Dispose() => Folder.Dispose();
}
