using Kiln.Data;
using Kiln.Neural;
using Kiln.Neural.Layers;
using Kiln.Neural.Packaging;
using Kiln.Tracking;

namespace Kiln.Serving.Tests;

public class ImageModelHostTests
{
    static async Task<(ModelHost Host, ServedModel Served, string Package)> ServedNetworkAsync(ServingModels models)
    {
        var store = await models.OpenStoreAsync();
        var version = await ImageNetworks.RegisterAsync(models, store, "colours", "champion");
        await models.RegisterTreeAsync(store, "churn", 0);
        var host = new ModelHost(store.Registry);
        await host.RefreshAsync();
        return (host, await host.ResolveAsync(ModelReference.Parse("colours@champion")), version.Source);
    }

    static ImageUpload Upload(string path) => new(Path.GetFileName(path), File.ReadAllBytes(path));

    [Fact]
    public async Task An_image_network_is_served_with_its_image_size_colour_mode_and_classes()
    {
        using var models = new ServingModels();
        var (host, served, _) = await ServedNetworkAsync(models);
        Assert.Equal(ServedInputKind.Images, served.InputKind);
        Assert.Equal((8, 8, "rgb", 3), (served.Images!.Height, served.Images.Width, served.Images.ColorMode, served.Images.Channels));
        Assert.Equal(["blue", "red"], served.Classes);
        Assert.Equal(("classification", "sequential"), (served.Task, served.Estimator));
        Assert.Empty(served.Schema.Columns);
        Assert.Equal(ServedInputKind.Rows, (await host.ResolveAsync(ModelReference.Parse("churn"))).InputKind);
        Assert.Empty(host.Failures);
    }

    [Fact]
    public async Task Uploaded_images_of_any_size_get_the_class_and_probabilities_the_library_gives_for_the_same_files()
    {
        using var models = new ServingModels();
        var (_, served, package) = await ServedNetworkAsync(models);
        var red = ImageNetworks.Picture(models.Folder.File("big-red.png"), red: true, width: 300, height: 200, seed: 7);
        var blue = ImageNetworks.Picture(models.Folder.File("small-blue.jpg"), red: false, width: 5, height: 7, seed: 8);

        var images = served.ReadImages([Upload(red), Upload(blue)], new ImageLimits());
        var answer = served.Predict(images);

        Assert.Equal(["red", "blue"], [answer.Predictions.Format(0), answer.Predictions.Format(1)]);
        var library = ImageNetworks.LibraryPrediction(package, [red, blue]);
        AssertClose(library.Values.ToArray(), answer.Probabilities!);
        Assert.Equal(library.Row(0)[1], answer.Confidence(0)!.Value, 1e-9);
    }

    [Fact]
    public async Task The_prediction_log_gets_each_files_name_size_hash_and_dimensions_rather_than_its_pixels()
    {
        using var models = new ServingModels();
        var (_, served, _) = await ServedNetworkAsync(models);
        var red = ImageNetworks.Picture(models.Folder.File("red.png"), red: true, width: 31, height: 17);

        var files = served.ReadImages([Upload(red)], new ImageLimits()).Files;

        Assert.Equal(["file", "bytes", "sha256", "width", "height"], files.ColumnNames);
        Assert.Equal("red.png", files["file"].Format(0));
        Assert.Equal(new FileInfo(red).Length, (long)files["bytes"].GetValue(0)!);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(red))), files["sha256"].Format(0));
        Assert.Equal((31L, 17L), ((long)files["width"].GetValue(0)!, (long)files["height"].GetValue(0)!));
    }

    [Fact]
    public async Task Concurrent_requests_to_one_network_each_get_the_answer_a_lone_request_gets()
    {
        using var models = new ServingModels();
        var (_, served, _) = await ServedNetworkAsync(models);
        var uploads = Enumerable.Range(0, 8)
            .Select(i => Upload(ImageNetworks.Picture(models.Folder.File($"{i}.png"), red: i % 2 == 0, width: 10 + i, height: 20 - i, seed: i)))
            .ToArray();
        var alone = uploads.Select(u => served.Predict(served.ReadImages([u], new ImageLimits())).Probabilities!).ToArray();

        var together = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => served.Predict(served.ReadImages([uploads[i % 8]], new ImageLimits())).Probabilities!)));

        for (var i = 0; i < together.Length; i++) AssertClose(alone[i % 8], together[i]);
    }

    /// <summary>
    /// Equal probabilities up to float rounding: libtorch's vectorised sums may add in another order for another buffer,
    /// which moves a probability near zero in its last bits.
    /// </summary>
    static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-9);
    }

    [Fact]
    public async Task Rows_sent_to_an_image_model_and_images_sent_to_a_tabular_model_are_refused_saying_what_each_takes()
    {
        using var models = new ServingModels();
        var (host, served, _) = await ServedNetworkAsync(models);
        var rows = new Frame(new Float64Column("x", [5]), new Float64Column("y", [0]));
        Assert.Contains("8×8 images", Assert.Throws<UnsupportedInputException>(() => served.Predict(rows)).Message);

        var tree = await host.ResolveAsync(ModelReference.Parse("churn"));
        var picture = ImageNetworks.Picture(models.Folder.File("red.png"), red: true);
        Assert.Contains("takes rows ('x', 'y')", Assert.Throws<UnsupportedInputException>(() => tree.ReadImages([Upload(picture)], new ImageLimits())).Message);
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_named_in_the_error()
    {
        using var models = new ServingModels();
        var (_, served, _) = await ServedNetworkAsync(models);
        var good = ImageNetworks.Picture(models.Folder.File("red.png"), red: true);
        var error = Assert.Throws<InvalidImageException>(() => served.ReadImages([Upload(good), new ImageUpload("notes.png", "x,y\n1,2\n"u8.ToArray())], new ImageLimits()));
        Assert.Equal("notes.png", error.File);
        Assert.Contains("not a readable image", error.Message);
    }

    [Fact]
    public async Task Too_many_files_a_file_too_large_or_an_image_of_too_many_pixels_is_refused_before_decoding()
    {
        using var models = new ServingModels();
        var (_, served, _) = await ServedNetworkAsync(models);
        var picture = Upload(ImageNetworks.Picture(models.Folder.File("red.png"), red: true, width: 40, height: 30));

        var many = Assert.Throws<ImageTooLargeException>(() => served.ReadImages([picture, picture, picture], new ImageLimits { MaxFiles = 2 }));
        Assert.Null(many.File);
        Assert.Contains("3 images; at most 2", many.Message);
        var heavy = Assert.Throws<ImageTooLargeException>(() => served.ReadImages([picture], new ImageLimits { MaxFileBytes = 100 }));
        Assert.Equal("red.png", heavy.File);
        var wide = Assert.Throws<ImageTooLargeException>(() => served.ReadImages([picture], new ImageLimits { MaxPixels = 1000 }));
        Assert.Contains("a 40×30 image", wide.Message);
    }

    [Fact]
    public async Task A_network_whose_package_records_no_image_size_is_not_served_and_the_reason_is_kept()
    {
        using var models = new ServingModels();
        var store = await models.OpenStoreAsync();
        var path = models.Folder.File("arrays.kiln");
        using (var model = new Sequential([4], [new Dense(2, ActivationFunction.Softmax)], seed: 1))
            NeuralPackage.Save(model, path, new NeuralPackageInfo { Classes = ["a", "b"] });
        await store.Registry.RegisterAsync("arrays", new NewModelVersion { PackageFile = path });
        var host = new ModelHost(store.Registry);
        await host.RefreshAsync();
        Assert.Empty(host.Models);
        Assert.Contains("records no image size", host.Failures["arrays/1"]);
    }

    [Fact]
    public async Task Moving_an_alias_to_a_new_network_version_swaps_the_served_network()
    {
        using var models = new ServingModels();
        var store = await models.OpenStoreAsync();
        await ImageNetworks.RegisterAsync(models, store, "colours", "champion");
        await ImageNetworks.RegisterAsync(models, store, "colours");
        var host = new ModelHost(store.Registry);
        await host.RefreshAsync();
        Assert.Equal(1, (await host.ResolveAsync(ModelReference.Parse("colours@champion"))).Version);

        await store.Registry.SetAliasAsync("colours", "champion", 2);
        await host.RefreshAsync();

        var swapped = await host.ResolveAsync(ModelReference.Parse("colours@champion"));
        Assert.Equal((2, ServedInputKind.Images), (swapped.Version, swapped.InputKind));
    }
}
