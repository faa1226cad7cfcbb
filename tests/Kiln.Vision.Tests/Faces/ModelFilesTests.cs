using Kiln.Vision.Faces;

namespace Kiln.Vision.Tests.Faces;

public sealed class ModelFilesTests
{
    [Fact]
    public void A_default_model_found_nowhere_names_every_place_looked_and_how_to_give_it()
    {
        var error = Assert.Throws<FileNotFoundException>(() =>
            ModelFiles.Resolve(null, "models/face-detection/none.onnx", "test model", "/usr/share/none/none.onnx"));

        Assert.Contains("no test model found", error.Message);
        Assert.Contains("/usr/share/none/none.onnx", error.Message);
        Assert.Contains(Path.Combine("models", "face-detection", "none.onnx"), error.Message);
        Assert.Contains("KILN_SHARED", error.Message);
    }

    [Fact]
    public void A_system_path_is_taken_when_the_shared_folders_lack_the_file()
    {
        var file = typeof(ModelFilesTests).Assembly.Location;

        Assert.Equal(file, ModelFiles.Resolve(null, "models/none/none.xml", "cascade", "/no/such/file.xml", file));
    }
}
