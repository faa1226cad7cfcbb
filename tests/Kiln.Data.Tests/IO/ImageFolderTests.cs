using Kiln.Testing;

namespace Kiln.Data.Tests.IO;

public class ImageFolderTests
{
    static void Touch(string root, string relative)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [0]);
    }

    [Fact]
    public void Classes_are_sorted_folder_names_and_samples_point_at_them()
    {
        using var folder = new TemporaryFolder();
        foreach (var file in new[] { "dog/b.JPG", "dog/a.png", "cat/1.jpg", "cat/nested/2.jpeg", "cat/notes.txt", "cat/.hidden.jpg", "bird/x.bmp" })
            Touch(folder.Path, file);

        var images = ImageFolder.Scan(folder.Path);

        Assert.Equal(["bird", "cat", "dog"], images.Classes);
        Assert.Equal([1, 2, 2], images.CountsPerClass);
        Assert.Equal(2, images.CountOf("dog"));
        Assert.Equal(
            ["bird/x.bmp", "cat/1.jpg", "cat/nested/2.jpeg", "dog/a.png", "dog/b.JPG"],
            images.Samples.Select(s => Path.GetRelativePath(folder.Path, s.Path)));
        Assert.Equal([0, 1, 1, 2, 2], images.Samples.Select(s => s.ClassIndex));
    }

    [Fact]
    public void Only_the_given_extensions_are_scanned()
    {
        using var folder = new TemporaryFolder();
        Touch(folder.Path, "a/1.png");
        Touch(folder.Path, "a/2.jpg");
        Touch(folder.Path, "b/3.png");
        var images = ImageFolder.Scan(folder.Path, ["png"]);
        Assert.Equal(2, images.Samples.Count);
    }

    [Fact]
    public void A_class_folder_without_images_is_named_in_the_error()
    {
        using var folder = new TemporaryFolder();
        Touch(folder.Path, "cat/1.jpg");
        Touch(folder.Path, "dog/readme.txt");
        var error = Assert.Throws<FileNotFoundException>(() => ImageFolder.Scan(folder.Path));
        Assert.Contains("class folder(s) dog", error.Message);
    }

    [Fact]
    public void A_missing_root_is_named_in_the_error()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => ImageFolder.Scan("/no/such/images"));
        Assert.Contains("/no/such/images", error.Message);
    }

    [Fact]
    public void The_shared_faces_folder_has_one_class_per_person()
    {
        var images = ImageFolder.Scan(SharedFolder.RequireDataset("faces"));
        Assert.Equal(["alex_lacamoire", "biden", "group", "kit_harington", "lin_manuel_miranda", "obama", "rose_leslie"], images.Classes);
        Assert.Equal([3, 2, 3, 3, 1, 6, 2], images.CountsPerClass);
        Assert.Equal(20, images.Samples.Count);
    }
}
