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
            "--callbacks", "checkpoint", "--seed", "7", "--out", package, "--report", report, "--json");
        Assert.True(train.ExitCode == 0, train.Error);
        using var summary = JsonDocument.Parse(train.Output);
        Assert.Equal(270, summary.RootElement.GetProperty("trainRows").GetInt32());
        Assert.Equal(10_000, summary.RootElement.GetProperty("testRows").GetInt32());
        Assert.Equal(1, summary.RootElement.GetProperty("epochs").GetArrayLength());
        var testAccuracy = summary.RootElement.GetProperty("test").GetProperty("test_accuracy").GetDouble();
        Assert.InRange(testAccuracy, 0.3, 1); // ten classes: chance is 0.1
        Assert.Contains("Epoch 1/1", train.Error);
        foreach (var file in new[] { "report.html", "loss.png", "loss.svg", "accuracy.png", "confusion-matrix.png", "confusion-matrix.svg",
                     "per-class-accuracy.png", "correct-predictions.png", "wrong-predictions.svg", "least-confident-predictions.png", "roc-curves.png" })
            Assert.True(File.Exists(Path.Combine(report, file)), $"{file} is missing from the report");
        var html = File.ReadAllText(Path.Combine(report, "report.html"));
        Assert.Contains("Confusion matrix", html);
        Assert.Matches("Callbacks.*checkpoint", html);
        Assert.True(File.Exists(Path.Combine(report, "checkpoints", "epoch-01.safetensors")));

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

    /// <summary>A small colour CNN for 8×8 images of three classes.</summary>
    internal const string ColourCnn = """
        {
          "model": "sequential",
          "input_shape": [3, 8, 8],
          "layers": [
            { "type": "conv2d", "filters": 8, "kernel_size": 3, "padding": "same", "activation": "relu" },
            { "type": "max_pooling2d", "pool_size": 2 },
            { "type": "flatten" },
            { "type": "dense", "units": 3, "activation": "softmax" }
          ],
          "compile": { "optimizer": { "type": "adam", "learning_rate": 0.02 }, "loss": "sparse_categorical_crossentropy", "metrics": ["accuracy"] }
        }
        """;

    /// <summary>
    /// Three classes of 8×8 colour images told apart by colour — reddish, greenish and bluish, with noise — and the
    /// reddish class rarer than the others.
    /// </summary>
    internal static string ColourFolder(string root, int perClass = 12)
    {
        var random = new Random(5);
        var classes = new (string Name, int Channel, int Count)[] { ("blue", 2, perClass), ("green", 1, perClass), ("red", 0, perClass / 2) };
        foreach (var (name, channel, count) in classes)
            for (var i = 0; i < count; i++)
                Kiln.Neural.Tests.Images.ImageFiles.Write(Path.Combine(root, name, $"{name}-{i:D2}.png"), 8, 8, (_, _) =>
                {
                    var pixel = new byte[3];
                    for (var c = 0; c < 3; c++) pixel[c] = (byte)(c == channel ? 150 + random.Next(100) : random.Next(90));
                    return (pixel[0], pixel[1], pixel[2]);
                });
        return root;
    }

    [Fact]
    public void Nn_train_learns_an_image_folders_classes_with_augmentation_and_balanced_weights_and_predict_names_each_file()
    {
        using var folder = new TemporaryFolder();
        var images = ColourFolder(folder.File("colours"));
        File.WriteAllText(folder.File("cnn.json"), ColourCnn);
        var package = folder.File("colours.kiln");
        var report = folder.File("report");
        var train = CliRun.Of("nn", "train", "--data", images, "--arch", folder.File("cnn.json"), "--epochs", "12", "--batch-size", "8",
            "--validation-split", "0.25", "--augment", "flip=horizontal;rotation=10;brightness=0.1", "--class-weight", "balanced",
            "--seed", "3", "--out", package, "--report", report, "--json");
        Assert.True(train.ExitCode == 0, train.Error);
        using var summary = JsonDocument.Parse(train.Output);
        var root = summary.RootElement;
        Assert.Equal(["blue", "green", "red"], root.GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(22, root.GetProperty("trainRows").GetInt32());
        Assert.Equal(8, root.GetProperty("validationRows").GetInt32());
        Assert.Equal("validation", root.GetProperty("evaluatedOn").GetString());
        Assert.Equal(12, root.GetProperty("epochs").GetArrayLength());
        Assert.True(root.GetProperty("epochs")[11].TryGetProperty("val_accuracy", out _));
        Assert.InRange(root.GetProperty("test").GetProperty("val_accuracy").GetDouble(), 0.7, 1);
        Assert.True(File.Exists(Path.Combine(report, "correct-predictions.png")));

        using (var network = NeuralPackage.Load(package))
        {
            Assert.Equal(["blue", "green", "red"], network.Info.Classes);
            Assert.Equal(("rgb", 8, 8), (network.Info.Preprocessing!.ColorMode, network.Info.Preprocessing.Height, network.Info.Preprocessing.Width));
        }

        var predict = CliRun.Of("predict", package, images, "--top", "2", "--out", folder.File("predictions.csv"));
        Assert.True(predict.ExitCode == 0, predict.Error);
        var predictions = Kiln.Data.Frame.ReadCsv(folder.File("predictions.csv"));
        Assert.Equal(["file", "class", "confidence", "top2", "top2_confidence"], predictions.ColumnNames);
        Assert.Equal(30, predictions.RowCount);
        var right = Enumerable.Range(0, 30).Count(i => ((string)predictions["file"].GetValue(i)!).StartsWith((string)predictions["class"].GetValue(i)! + "/"));
        Assert.True(right >= 26, $"{right} of 30 images predicted as their folder's class");

        var one = CliRun.Of("predict", package, Path.Combine(images, "red", "red-00.png"), "--json");
        Assert.True(one.ExitCode == 0, one.Error);
        using var json = JsonDocument.Parse(one.Output);
        Assert.Equal(1, json.RootElement.GetArrayLength());
        Assert.EndsWith("red-00.png", json.RootElement[0].GetProperty("file").GetString());
        Assert.InRange(json.RootElement[0].GetProperty("confidence").GetDouble(), 0, 1);
    }

    [Fact]
    public void Evaluate_scores_a_network_on_a_folder_of_class_folders_as_its_predictions_say()
    {
        using var folder = new TemporaryFolder();
        var images = ColourFolder(folder.File("colours"));
        File.WriteAllText(folder.File("cnn.json"), ColourCnn);
        var package = folder.File("colours.kiln");
        Assert.Equal(0, CliRun.Of("nn", "train", "--data", images, "--arch", folder.File("cnn.json"), "--epochs", "12", "--batch-size", "8",
            "--seed", "3", "--out", package, "--no-track").ExitCode);

        var evaluate = CliRun.Of("evaluate", package, images, "--json");

        Assert.True(evaluate.ExitCode == 0, evaluate.Error);
        using var json = JsonDocument.Parse(evaluate.Output);
        var scores = json.RootElement.GetProperty("classification");
        Assert.Equal(30, scores.GetProperty("rows").GetInt32());
        Assert.Equal(["blue", "green", "red"], scores.GetProperty("perClass").EnumerateArray().Select(c => c.GetProperty("class").GetString()));
        // the accuracy is the share of images whose predicted class is their folder's
        Assert.Equal(0, CliRun.Of("predict", package, images, "--out", folder.File("predictions.csv")).ExitCode);
        var predictions = Kiln.Data.Frame.ReadCsv(folder.File("predictions.csv"));
        var right = Enumerable.Range(0, 30).Count(i => ((string)predictions["file"].GetValue(i)!).StartsWith((string)predictions["class"].GetValue(i)! + "/"));
        Assert.Equal(right / 30.0, scores.GetProperty("accuracy").GetDouble(), 12);
        Assert.True(scores.GetProperty("logLoss").GetDouble() > 0);
    }

    [Fact]
    public void Evaluate_refuses_a_class_folder_the_network_does_not_know_and_the_options_for_tabular_models()
    {
        using var folder = new TemporaryFolder();
        var images = ColourFolder(folder.File("colours"));
        File.WriteAllText(folder.File("cnn.json"), ColourCnn);
        var package = folder.File("colours.kiln");
        Assert.Equal(0, CliRun.Of("nn", "train", "--data", images, "--arch", folder.File("cnn.json"), "--epochs", "1", "--out", package, "--no-track").ExitCode);
        Directory.Move(Path.Combine(images, "red"), Path.Combine(images, "purple"));

        var unknown = CliRun.Of("evaluate", package, images);
        Assert.Equal(65, unknown.ExitCode);
        Assert.Contains("'purple' is not one of the network's classes (blue, green, red)", unknown.Error);
        var report = CliRun.Of("evaluate", package, images, "--report", folder.File("report"));
        Assert.Equal(64, report.ExitCode);
        Assert.Contains("--report works on tabular models", report.Error);
    }

    [Fact]
    public void A_bad_augmentation_key_or_class_weight_is_named_before_training()
    {
        using var folder = new TemporaryFolder();
        var images = ColourFolder(folder.File("colours"), perClass: 4);
        File.WriteAllText(folder.File("cnn.json"), ColourCnn);
        var augment = CliRun.Of("nn", "train", "--data", images, "--arch", folder.File("cnn.json"), "--augment", "flip=horizontal;rotate=10", "--out", folder.File("m.kiln"));
        Assert.Equal(64, augment.ExitCode);
        Assert.Contains("--augment: 'rotate' is not an augmentation setting", augment.Error);
        var range = CliRun.Of("nn", "train", "--data", images, "--arch", folder.File("cnn.json"), "--augment", "zoom=2", "--out", folder.File("m.kiln"));
        Assert.Contains("--augment: zoom is 2", range.Error);
        var weights = CliRun.Of("nn", "train", "--data", images, "--arch", folder.File("cnn.json"), "--class-weight", "sometimes", "--out", folder.File("m.kiln"));
        Assert.Equal(64, weights.ExitCode);
        Assert.Contains("--class-weight sometimes", weights.Error);
        Assert.False(File.Exists(folder.File("m.kiln")));
    }

    [Fact]
    public void An_unreadable_training_image_is_named_and_nothing_is_written()
    {
        using var folder = new TemporaryFolder();
        var images = ColourFolder(folder.File("colours"), perClass: 4);
        File.WriteAllText(Path.Combine(images, "green", "broken.png"), "not an image");
        File.WriteAllText(folder.File("cnn.json"), ColourCnn);
        var run = CliRun.Of("nn", "train", "--data", images, "--arch", folder.File("cnn.json"), "--validation-split", "0", "--epochs", "1", "--out", folder.File("m.kiln"));
        Assert.Equal(65, run.ExitCode);
        Assert.Contains(Path.Combine("green", "broken.png"), run.Error);
        Assert.False(File.Exists(folder.File("m.kiln")));
    }

    [Fact]
    public void An_image_folder_whose_classes_do_not_match_the_network_or_its_input_shape_is_refused()
    {
        using var folder = new TemporaryFolder();
        var images = ColourFolder(folder.File("colours"), perClass: 4);
        var run = CliRun.Of("nn", "train", "--data", images, "--arch", Example("mlp.json"), "--validation-split", "0.5", "--out", folder.File("m.kiln"));
        Assert.Equal(64, run.ExitCode);
        Assert.Contains("the data has 3 classes", run.Error);
        var split = CliRun.Of("nn", "train", "--data", images, "--arch", Example("mlp.json"), "--validation-split", "0.1", "--out", folder.File("m.kiln"));
        Assert.Contains("holds out 1 of 10 rows, but both parts need a row of each of the 3 classes", split.Error);
        File.WriteAllText(folder.File("odd.json"), ColourCnn.Replace("[3, 8, 8]", "[5, 8, 8]"));
        var shape = CliRun.Of("nn", "train", "--data", images, "--arch", folder.File("odd.json"), "--out", folder.File("m.kiln"));
        Assert.Equal(64, shape.ExitCode);
        Assert.Contains("odd.json: an input shape of [5, 8, 8]", shape.Error);
    }

    [Fact]
    public void Predict_on_image_files_needs_a_package_that_records_an_image_size()
    {
        using var folder = new TemporaryFolder();
        var package = folder.File("tiny.kiln");
        using (var model = new Sequential([4], [new Dense(2, ActivationFunction.Softmax)]))
            NeuralPackage.Save(model, package);
        var image = Kiln.Neural.Tests.Images.ImageFiles.Grey(folder.File("one.png"), 2, 2, (_, _) => 9);
        var run = CliRun.Of("predict", package, image);
        Assert.Equal(64, run.ExitCode);
        Assert.Contains("records no image size", run.Error);
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
