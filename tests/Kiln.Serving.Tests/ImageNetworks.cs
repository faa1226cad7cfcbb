using Kiln.Neural;
using Kiln.Neural.Batches;
using Kiln.Neural.Images;
using Kiln.Neural.Layers;
using Kiln.Neural.Packaging;
using Kiln.Neural.Tests.Images;
using Kiln.Neural.Training;
using Kiln.Tracking;

namespace Kiln.Serving.Tests;

/// <summary>
/// A tiny network over 8×8 RGB images that tells reddish pictures from bluish ones, trained in well under a second on
/// generated images, and image files to ask it about.
/// </summary>
public static class ImageNetworks
{
    public static readonly ImagePreprocessing Preprocessing = ImagePreprocessing.ForRows([3, 8, 8]);

    /// <summary>A PNG (or JPEG, by extension) of the given size, mostly red or mostly blue with some noise.</summary>
    public static string Picture(string path, bool red, int width = 30, int height = 20, int seed = 0)
    {
        var random = new Random(seed);
        return ImageFiles.Write(path, width, height, (_, _) =>
        {
            var (strong, weak) = ((byte)random.Next(170, 256), (byte)random.Next(0, 90));
            return red ? (strong, (byte)random.Next(0, 90), weak) : (weak, (byte)random.Next(0, 90), strong);
        });
    }

    /// <summary>The package of a network trained on a folder of "blue" and "red" pictures, as kiln nn train would write it.</summary>
    public static string Train(ServingModels models, string fileName)
    {
        var root = models.Folder.File($"pictures-{Guid.NewGuid():N}");
        for (var i = 0; i < 8; i++)
        {
            Picture(Path.Combine(root, "red", $"{i}.png"), red: true, width: 12 + i, height: 9 + i, seed: i);
            Picture(Path.Combine(root, "blue", $"{i}.png"), red: false, width: 9 + i, height: 12 + i, seed: 100 + i);
        }
        var images = ImageDataset.FromFolder(root, Preprocessing);
        using var model = new Sequential([3, 8, 8], [new Flatten(), new Dense(2, ActivationFunction.Softmax)], seed: 1);
        model.Compile(new Adam { LearningRate = 0.05 }, Loss.SparseCategoricalCrossentropy, Neural.Training.Metric.Accuracy);
        model.Fit(new BatchLoader(images, 8, shuffle: true, seed: 2), options: new FitOptions { Epochs = 15, Seed = 3 });
        var path = models.Folder.File(fileName);
        NeuralPackage.Save(model, path, new NeuralPackageInfo { Classes = images.ClassNames, Preprocessing = Preprocessing, Seed = 1 });
        return path;
    }

    /// <summary>Registers a freshly trained network as the next version of <paramref name="name"/>, with the aliases given.</summary>
    public static Task<ModelVersion> RegisterAsync(ServingModels models, TrackingStore store, string name, params string[] aliases) =>
        store.Registry.RegisterAsync(name, new NewModelVersion { PackageFile = Train(models, $"{Guid.NewGuid():N}.kiln"), Aliases = aliases });

    /// <summary>What the library itself answers for image files: the package loaded, the files read as kiln predict reads them.</summary>
    public static ClassProbabilities LibraryPrediction(string package, IReadOnlyList<string> files)
    {
        using var network = NeuralPackage.Load(package);
        var images = ImageDataset.FromFiles(files, network.Info.Preprocessing!, network.Model.InputShapes[0]);
        return ClassProbabilities.Of(network.Model.Predict(new BatchLoader(images, 64, shuffle: false)), network.Info.Classes);
    }
}
