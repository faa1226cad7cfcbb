using System.Text;
using System.Text.Json;
using Kiln.Neural;
using Kiln.Neural.Config;
using Kiln.Neural.Layers;
using Kiln.Neural.Packaging;
using Kiln.Testing;

namespace Kiln.Cli.Tests;

public class NnCommandsTests
{
    static string Example(string name) => Path.Combine(RepositoryFolder.Root, "docs", "examples", name);

    [Fact]
    public void Nn_train_fits_the_mlp_example_saves_a_package_that_predicts_as_tested_and_writes_the_report()
    {
        var testImages = SharedFolder.RequireDataset("fashion-mnist/t10k-images-idx3-ubyte.gz");
        using var folder = new TemporaryFolder();
        var package = folder.File("mlp.kiln");
        var report = folder.File("report");
        var train = CliRun.Of("nn", "train", "--data", "fashion-mnist", "--arch", Example("mlp.json"), "--epochs", "1", "--limit", "300",
            "--seed", "7", "--out", package, "--report", report, "--json");
        Assert.True(train.ExitCode == 0, train.Error);
        using var summary = JsonDocument.Parse(train.Output);
        Assert.Equal(270, summary.RootElement.GetProperty("trainRows").GetInt32());
        Assert.Equal(10_000, summary.RootElement.GetProperty("testRows").GetInt32());
        Assert.Equal(1, summary.RootElement.GetProperty("epochs").GetArrayLength());
        var testAccuracy = summary.RootElement.GetProperty("test").GetProperty("test_accuracy").GetDouble();
        Assert.InRange(testAccuracy, 0.3, 1); // ten classes: chance is 0.1
        Assert.Contains("Epoch 1/1", train.Error);
        foreach (var file in new[] { "report.html", "loss.png", "loss.svg", "accuracy.png", "confusion-matrix.png", "confusion-matrix.svg",
                     "per-class-accuracy.png", "correct-predictions.png", "wrong-predictions.svg" })
            Assert.True(File.Exists(Path.Combine(report, file)), $"{file} is missing from the report");
        Assert.Contains("Confusion matrix", File.ReadAllText(Path.Combine(report, "report.html")));

        var predict = CliRun.Of("predict", package, testImages, "--out", folder.File("predictions.csv"));
        Assert.True(predict.ExitCode == 0, predict.Error);
        var predictions = Kiln.Data.Frame.ReadCsv(folder.File("predictions.csv"));
        Assert.Equal(["class", "confidence", "top2", "top2_confidence", "top3", "top3_confidence"], predictions.ColumnNames);
        Assert.Equal(10_000, predictions.RowCount);
        var labels = Kiln.Data.IdxReader.ReadBytes(SharedFolder.RequireDataset("fashion-mnist/t10k-labels-idx1-ubyte.gz"));
        string[] names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];
        var right = 0;
        for (var i = 0; i < predictions.RowCount; i++)
            if ((string?)predictions["class"].GetValue(i) == names[labels[i]]) right++;
        // the package predicts exactly what training measured on the same test rows
        Assert.Equal(testAccuracy, right / 10_000.0, 12);
    }

    [Fact]
    public void Predict_on_a_network_package_ranks_the_classes_of_each_npy_row()
    {
        using var folder = new TemporaryFolder();
        var package = folder.File("tiny.kiln");
        float[] rows = [0, 1, 2, 3, 3, 2, 1, 0];
        using (var model = new Sequential([4], [new Dense(3, ActivationFunction.Softmax)], seed: 1))
        {
            NeuralPackage.Save(model, package, new NeuralPackageInfo { Classes = ["low", "mid", "high"], Preprocessing = new ImagePreprocessing { Scale = 0.5 } });
            var expected = model.Predict(System.Numerics.Tensors.Tensor.Create(rows.Select(v => v * 0.5f).ToArray(), [2, 4]));
            File.WriteAllBytes(folder.File("rows.npy"), Npy(rows, 2, 4));

            var run = CliRun.Of("predict", package, folder.File("rows.npy"), "--top", "2", "--json");
            Assert.True(run.ExitCode == 0, run.Error);
            using var json = JsonDocument.Parse(run.Output);
            var first = json.RootElement[0];
            var best = Enumerable.Range(0, 3).MaxBy(c => expected[0, c]);
            Assert.Equal(new[] { "low", "mid", "high" }[best], first.GetProperty("class").GetString());
            Assert.Equal(expected[0, best], first.GetProperty("confidence").GetDouble(), 6);
            Assert.Equal(2, first.GetProperty("top").GetArrayLength());
            Assert.Equal(2, json.RootElement.GetArrayLength());
        }
    }

    [Fact]
    public void Predict_says_when_the_input_rows_do_not_fit_the_network()
    {
        using var folder = new TemporaryFolder();
        var package = folder.File("tiny.kiln");
        using (var model = new Sequential([4], [new Dense(3, ActivationFunction.Softmax)]))
            NeuralPackage.Save(model, package);
        File.WriteAllBytes(folder.File("rows.npy"), Npy([1, 2, 3, 4, 5, 6], 2, 3));
        var run = CliRun.Of("predict", package, folder.File("rows.npy"));
        Assert.Equal(65, run.ExitCode);
        Assert.Contains("each row holds 3 values", run.Error);
    }

    [Fact]
    public void A_spec_with_an_unknown_layer_is_refused_naming_the_layer_and_nothing_is_written()
    {
        SharedFolder.RequireDataset("fashion-mnist");
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("bad.json"), """{"input_shape":[784],"layers":[{"type":"dense","units":10},{"type":"dence","units":10}]}""");
        var run = CliRun.Of("nn", "train", "--data", "fashion-mnist", "--arch", folder.File("bad.json"), "--limit", "50", "--out", folder.File("m.kiln"));
        Assert.Equal(65, run.ExitCode);
        Assert.Contains("bad.json: layer 1", run.Error);
        Assert.Contains("\"dence\"", run.Error);
        Assert.False(File.Exists(folder.File("m.kiln")));
    }

    [Fact]
    public void An_image_folder_as_data_gets_a_clear_message()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "images", "cat"));
        var run = CliRun.Of("nn", "train", "--data", Path.Combine(folder.Path, "images"), "--arch", Example("mlp.json"), "--out", folder.File("m.kiln"));
        Assert.Equal(64, run.ExitCode);
        Assert.Contains("image folders", run.Error);
    }

    [Fact]
    public void Reduce_lr_with_a_spec_whose_optimizer_follows_a_schedule_is_refused_saying_how_to_fix_it()
    {
        SharedFolder.RequireDataset("fashion-mnist/train-images-idx3-ubyte.gz");
        using var folder = new TemporaryFolder();
        var run = CliRun.Of("nn", "train", "--data", "fashion-mnist", "--arch", Example("mlp.json"), "--epochs", "1", "--limit", "100",
            "--callbacks", "reduce-lr", "--out", folder.File("m.kiln"));
        Assert.Equal(64, run.ExitCode);
        Assert.Contains("--callbacks reduce-lr: the optimizer follows a cosine learning-rate schedule", run.Error);
        Assert.Contains("leave out reduce-lr", run.Error);
        Assert.False(File.Exists(folder.File("m.kiln")));
    }

    [Fact]
    public void The_cnn_example_builds_conv_32_64_128_with_a_dense_head()
    {
        using var model = ModelConfig.Load(Example("cnn.json"));
        var layers = ((Sequential)model).Layers;
        Assert.Equal([32, 64, 128], layers.OfType<Conv2D>().Select(c => c.Filters));
        Assert.Equal([10L], model.OutputShape);
        Assert.Equal("adam", ModelConfig.ToJson(model)["compile"]!["optimizer"]!["type"]!.GetValue<string>());
    }

    /// <summary>A version-1 .npy file of little-endian float32 values.</summary>
    static byte[] Npy(float[] values, int rows, int columns)
    {
        var header = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({rows}, {columns}), }}";
        header = header.PadRight((header.Length + 11) / 64 * 64 + 64 - 11) + "\n";
        var bytes = new List<byte> { 0x93 };
        bytes.AddRange(Encoding.ASCII.GetBytes("NUMPY"));
        bytes.AddRange([1, 0, (byte)(header.Length & 0xFF), (byte)(header.Length >> 8)]);
        bytes.AddRange(Encoding.ASCII.GetBytes(header));
        foreach (var value in values) bytes.AddRange(BitConverter.GetBytes(value));
        return [.. bytes];
    }
}
