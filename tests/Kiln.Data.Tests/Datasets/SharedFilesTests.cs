using Kiln.Data.Datasets;
using Kiln.Testing;

namespace Kiln.Data.Tests.Datasets;

public sealed class SharedFilesTests
{
    [Fact]
    public void A_file_is_looked_for_in_the_shared_folder_beside_the_checkout_and_last_in_kilns_cache()
    {
        var relative = Path.Combine("models", "face-detection", "some.onnx");

        var candidates = SharedFiles.Candidates(relative).ToList();

        Assert.Contains(Path.GetFullPath(Path.Combine(RepositoryFolder.Root, "..", "shared", relative)), candidates);
        Assert.Equal(Path.Combine(KilnHome.Path, relative), candidates[^1]);
    }
}
