using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Kiln.Data.Datasets;
using Kiln.Testing;

namespace Kiln.Data.Tests.Datasets;

public partial class DatasetCatalogTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();

    [Fact]
    public void The_catalog_has_the_datasets_the_workbook_names()
    {
        foreach (var name in new[] { "iris", "titanic", "california-housing", "mnist", "fashion-mnist", "sms-spam", "telco-churn", "ames-housing", "letter-recognition", "stocks" })
            Assert.NotNull(DatasetCatalog.TryFind(name));
        Assert.Equal(4, DatasetCatalog.Find("mnist").Files.Count);
        Assert.Equal(4, DatasetCatalog.Find("fashion-mnist").Files.Count);
    }

    [Fact]
    public void Every_entry_is_complete_and_every_url_is_pinned()
    {
        Assert.Equal(DatasetCatalog.Names.Count(), DatasetCatalog.Names.Distinct().Count());
        foreach (var entry in DatasetCatalog.All)
        {
            Assert.Matches(KebabCase(), entry.Name);
            Assert.False(string.IsNullOrWhiteSpace(entry.Description), entry.Name);
            Assert.False(string.IsNullOrWhiteSpace(entry.License), entry.Name);
            Assert.False(string.IsNullOrWhiteSpace(entry.Origin), entry.Name);
            Assert.NotEmpty(entry.Files);
            foreach (var file in entry.Files)
            {
                Assert.Matches(Sha256Hex(), file.Sha256);
                Assert.True(file.Bytes > 0, $"{entry.Name}/{file.FileName} has no size");
                if (file.IsEmbedded) continue;
                Assert.Equal("https", file.Url!.Scheme);
                Assert.Equal("raw.githubusercontent.com", file.Url.Host);
                var reference = file.Url.Segments[3].TrimEnd('/');
                Assert.True(reference is not ("master" or "main"), $"{file.Url} follows a branch, so its bytes can change under the checksum");
            }
        }
    }

    [Fact]
    public void Tabular_targets_are_named_for_the_supervised_tables()
    {
        Assert.Equal("species", DatasetCatalog.Find("iris").Target);
        Assert.Equal("Survived", DatasetCatalog.Find("titanic").Target);
        Assert.Equal("median_house_value", DatasetCatalog.Find("california-housing").Target);
        Assert.Equal("Churn", DatasetCatalog.Find("telco-churn").Target);
        Assert.Equal(DatasetTask.Regression, DatasetCatalog.Find("ames-housing").Task);
    }

    [Fact]
    public async Task The_embedded_iris_file_matches_its_catalog_checksum()
    {
        var entry = DatasetCatalog.Find("iris");
        var file = Assert.Single(entry.Files);
        Assert.True(file.IsEmbedded);
        await using var stream = DatasetCatalog.OpenEmbedded(entry, file);
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory, Ct);
        Assert.Equal(file.Bytes, memory.Length);
        Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(memory.ToArray())));
    }

    /// <summary>Where each dataset's files sit in ../shared/datasets.</summary>
    static readonly Dictionary<string, string> SharedFolders = new()
    {
        ["titanic"] = "titanic",
        ["california-housing"] = "housing",
        ["ames-housing"] = "housing",
        ["telco-churn"] = "churn",
        ["sms-spam"] = "sms-spam",
        ["mnist"] = "mnist",
        ["fashion-mnist"] = "fashion-mnist",
        ["letter-recognition"] = "letter-recognition",
        ["digits"] = "digits-opencv",
        ["stocks"] = "stocks",
        ["faces"] = "faces",
        ["videos"] = "video",
        ["detection-images"] = "images/darknet",
        ["document-photos"] = "images/documents",
        ["opencv-samples"] = "images/opencv-samples",
    };

    /// <summary>
    /// Catalog files whose exact bytes are not in ../shared: MNIST's training images could not be copied, and
    /// Fashion-MNIST's images there were re-gzipped by Debian, so they differ from the upstream files the catalog pins.
    /// </summary>
    static readonly HashSet<string> NotInShared =
    [
        "mnist/train-images-idx3-ubyte.gz",
        "fashion-mnist/train-images-idx3-ubyte.gz",
        "fashion-mnist/t10k-images-idx3-ubyte.gz",
    ];

    [Fact]
    public async Task Every_catalog_checksum_matches_the_real_file_in_shared()
    {
        var root = SharedFolder.RequireDataset(".");
        var verified = 0;
        foreach (var entry in DatasetCatalog.All.Where(e => e.Files.Any(f => !f.IsEmbedded)))
        {
            Assert.True(SharedFolders.ContainsKey(entry.Name), $"dataset '{entry.Name}' has no folder in ../shared to check it against");
            foreach (var file in entry.Files)
            {
                if (NotInShared.Contains($"{entry.Name}/{file.FileName}")) continue;
                var path = Path.Combine(root, SharedFolders[entry.Name], file.FileName);
                Assert.True(File.Exists(path), $"{entry.Name}/{file.FileName}: {path} is missing");
                Assert.Equal(file.Bytes, new FileInfo(path).Length);
                Assert.Equal(file.Sha256, await DatasetDownloader.Sha256Async(path, Ct));
                verified++;
            }
        }
        Assert.Equal(DatasetCatalog.All.Sum(e => e.Files.Count(f => !f.IsEmbedded)) - NotInShared.Count, verified);
    }
}
