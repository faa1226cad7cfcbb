using System.IO.Compression;
using Kiln.Data;
using Kiln.Learn;
using Kiln.Learn.Preprocessing;
using Kiln.Neural.Config;
using Kiln.Neural.Layers;
using Kiln.Neural.Packaging;
using Kiln.Neural.Training;
using Kiln.Testing;

namespace Kiln.Neural.Tests;

public sealed class NeuralPackageTests : IDisposable
{
    readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    static Sequential TrainedClassifier()
    {
        var model = new Sequential([1, 6, 6],
        [
            new Conv2D(3, 3, padding: Padding.Same, activation: ActivationFunction.Relu),
            new BatchNormalization(),
            new MaxPooling2D(),
            new Flatten(),
            new Dropout(0.2),
            new Dense(3, ActivationFunction.Softmax),
        ], seed: 1);
        model.Compile(new Adam { LearningRate = 0.01 }, Loss.SparseCategoricalCrossentropy, Metric.Accuracy);
        var x = Data.Noise(2, 24, 1, 6, 6);
        var y = Data.Rows([.. Enumerable.Range(0, 24).Select(i => (float)(i % 3))], 24);
        model.Fit(x, y, new FitOptions { Epochs = 2, BatchSize = 8, Seed = 3 });
        return model;
    }

    [Fact]
    public void A_saved_network_loads_back_and_predicts_bit_for_bit_with_its_labels_and_preprocessing()
    {
        using var model = TrainedClassifier();
        var path = _folder.File("net.kiln");
        var info = new NeuralPackageInfo
        {
            Classes = ["cat", "dog", "bird"],
            Preprocessing = ImagePreprocessing.UnitGrayscale(6, 6),
            Metrics = new Dictionary<string, double> { ["test_accuracy"] = 0.5 },
            Seed = 1,
        };
        NeuralPackage.Save(model, path, info);

        using var loaded = NeuralPackage.Load(path);
        var x = Data.Noise(9, 5, 1, 6, 6);
        Assert.Equal(Data.Flat(model.Predict(x)), Data.Flat(loaded.Model.Predict(x)));
        Assert.Equal(["cat", "dog", "bird"], loaded.Info.Classes);
        Assert.Equal(info.Preprocessing, loaded.Info.Preprocessing);
        Assert.Equal(0.5, loaded.Info.Metrics!["test_accuracy"]);
        Assert.Equal(model.CompiledOptimizer, loaded.Model.CompiledOptimizer);
        Assert.Equal(ModelConfig.ToJsonString(model), ModelConfig.ToJsonString(loaded.Model));
    }

    [Fact]
    public void The_manifest_follows_the_tabular_conventions_and_lists_every_entrys_hash()
    {
        using var model = TrainedClassifier();
        var path = _folder.File("net.kiln");
        NeuralPackage.Save(model, path, new NeuralPackageInfo { Classes = ["a", "b", "c"] });
        var manifest = ModelPackage.ReadManifest(path);
        Assert.Equal("neural-network", manifest.Kind);
        Assert.Equal("sequential", manifest.Estimator);
        Assert.Equal(["a", "b", "c"], manifest.Classes);
        Assert.Equal(["architecture.json", "weights.safetensors"], manifest.Entries.Keys.Order());
        Assert.Equal("adam", manifest.Parameters["optimizer"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void A_changed_weight_byte_is_refused()
    {
        using var model = TrainedClassifier();
        var path = _folder.File("net.kiln");
        NeuralPackage.Save(model, path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("weights.safetensors")!;
            byte[] bytes;
            using (var stream = entry.Open())
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }
            bytes[^1] ^= 1;
            entry.Delete();
            using var rewritten = zip.CreateEntry("weights.safetensors").Open();
            rewritten.Write(bytes);
        }
        var error = Assert.Throws<InvalidDataException>(() => NeuralPackage.Load(path));
        Assert.Contains("'weights.safetensors' does not match its SHA-256", error.Message);
    }

    [Fact]
    public void Loading_a_tabular_package_as_a_network_and_a_network_as_tabular_says_what_the_file_is()
    {
        var tabular = _folder.File("scaler.kiln");
        ModelPackage.Save(new StandardScaler().Fit(new Frame(new Float64Column("a", [1, 2, 3]))), tabular);
        var asNetwork = Assert.Throws<InvalidDataException>(() => NeuralPackage.Load(tabular));
        Assert.Contains("is a tabular model package", asNetwork.Message);
        Assert.Contains("standard-scaler", asNetwork.Message);

        using var model = TrainedClassifier();
        var network = _folder.File("net.kiln");
        NeuralPackage.Save(model, network);
        var asTabular = Assert.Throws<InvalidDataException>(() => ModelPackage.Load(network));
        Assert.Contains("is a neural-network package", asTabular.Message);
    }

    [Fact]
    public void Labels_that_do_not_match_the_outputs_are_refused_and_nothing_is_written()
    {
        using var model = TrainedClassifier();
        var path = _folder.File("net.kiln");
        var error = Assert.Throws<ArgumentException>(() => NeuralPackage.Save(model, path, new NeuralPackageInfo { Classes = ["a", "b"] }));
        Assert.Contains("2 class labels for a network with 3 outputs", error.Message);
        Assert.False(File.Exists(path));
    }
}
