using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Kiln.Data;
using Kiln.Learn.Compose;
using Kiln.Learn.Preprocessing;
using Kiln.Testing;

namespace Kiln.Learn.Tests.Persistence;

public sealed class ModelPackageTests : IDisposable
{
    static readonly Frame Sample = new(
        new Float64Column("a", [1, 2, 4, 8, 16]),
        new Int64Column("b", [3, 1, 4, 1, 5]),
        new Float64Column("c", [0.5, -1, 2, 7, 3]));

    readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    static PipelineModel FittedPipeline() =>
        Pipeline.Of(
            new ColumnTransformer(new ColumnTransformerPart("ab", new StandardScaler(), ColumnSelector.ByName("a", "b"))) { Remainder = Remainder.Passthrough },
            new StandardScaler { WithMean = false }).Fit(Sample);

    string Saved(string name = "model.kiln")
    {
        var path = _folder.File(name);
        ModelPackage.Save(FittedPipeline(), path);
        return path;
    }

    [Fact]
    public void A_saved_pipeline_loads_back_with_identical_output()
    {
        var model = FittedPipeline();
        var path = _folder.File("model.kiln");
        ModelPackage.Save(model, path);
        var loaded = Assert.IsType<PipelineModel>(ModelPackage.Load(path));
        var expected = model.Transform(Sample);
        var actual = loaded.Transform(Sample);
        Assert.Equal(expected.ColumnNames, actual.ColumnNames);
        for (var j = 0; j < expected.ColumnCount; j++)
            Assert.Equal(((Float64Column)expected[j]).Values.ToArray(), ((Float64Column)actual[j]).Values.ToArray());
        Assert.Equal(model.Estimator, loaded.Estimator);
    }

    [Fact]
    public void The_manifest_records_the_model_its_provenance_and_every_entrys_hash()
    {
        var path = _folder.File("model.kiln");
        var fingerprint = DataFingerprint.Of(Sample);
        ModelPackage.Save(FittedPipeline(), path, new PackageInfo { Metrics = new Dictionary<string, double> { ["r2"] = 0.75 }, DataFingerprint = fingerprint, Seed = 42 });
        var manifest = ModelPackage.ReadManifest(path);
        Assert.Equal(ModelPackage.FormatVersion, manifest.FormatVersion);
        Assert.Equal("pipeline", manifest.Kind);
        Assert.Equal(["a", "b", "c"], manifest.InputSchema.Names);
        Assert.Equal(0.75, manifest.Metrics["r2"]);
        Assert.Equal(fingerprint, manifest.DataFingerprint);
        Assert.Equal(42, manifest.Seed);
        Assert.Null(manifest.Classes);
        Assert.Contains("model.json", manifest.Entries.Keys);
        Assert.Contains(manifest.Entries.Keys, name => name.StartsWith("arrays/", StringComparison.Ordinal) && name.EndsWith(".bin", StringComparison.Ordinal));
        var parts = manifest.Parameters["parts"]!.AsArray();
        Assert.Equal("column-transformer", parts[0]!["estimator"]!.GetValue<string>());
        Assert.False(parts[1]!["parameters"]!["with-mean"]!.GetValue<bool>());
        Assert.True(DateTimeOffset.UtcNow - manifest.Created < TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void A_truncated_package_is_reported_as_truncated()
    {
        var path = Saved();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length * 2 / 3)]);
        var error = Assert.Throws<InvalidDataException>(() => ModelPackage.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void A_flipped_byte_in_an_array_is_reported_with_the_entry_name()
    {
        var path = Saved();
        var manifest = ModelPackage.ReadManifest(path);
        var arrayEntry = manifest.Entries.Keys.First(n => n.StartsWith("arrays/", StringComparison.Ordinal));
        byte[] stored;
        using (var zip = ZipFile.OpenRead(path))
        using (var entry = zip.GetEntry(arrayEntry)!.Open())
        using (var copy = new MemoryStream())
        {
            entry.CopyTo(copy);
            stored = copy.ToArray();
        }
        // arrays are stored uncompressed, so their bytes are in the file as they are
        var bytes = File.ReadAllBytes(path);
        var at = bytes.AsSpan().IndexOf(stored);
        Assert.True(at >= 0);
        bytes[at + stored.Length / 2] ^= 0x40;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => ModelPackage.Load(path));
        Assert.Contains($"'{arrayEntry}'", error.Message);
    }

    [Fact]
    public void A_rewritten_entry_that_no_longer_matches_its_hash_is_named()
    {
        var path = Saved();
        Rewrite(path, "model.json", text => text.Replace("\"with-mean\": false", "\"with-mean\": true", StringComparison.Ordinal));
        var error = Assert.Throws<InvalidDataException>(() => ModelPackage.Load(path));
        Assert.Contains("'model.json'", error.Message);
        Assert.Contains("SHA-256", error.Message);
    }

    [Fact]
    public void A_package_from_a_newer_format_names_both_versions()
    {
        var path = Saved();
        Rewrite(path, "manifest.json", text =>
        {
            var manifest = JsonNode.Parse(text)!;
            manifest["formatVersion"] = 99;
            return manifest.ToJsonString();
        });
        var error = Assert.Throws<InvalidDataException>(() => ModelPackage.Load(path));
        Assert.Contains("format 99", error.Message);
        Assert.Contains($"format {ModelPackage.FormatVersion} and older", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_not_a_model_package()
    {
        var path = _folder.File("notes.kiln");
        File.WriteAllText(path, "a,b\n1,2\n");
        var error = Assert.Throws<InvalidDataException>(() => ModelPackage.Load(path));
        Assert.Equal($"{path} is not a Kiln model package (it is not a zip file)", error.Message);
    }

    [Fact]
    public void An_entry_the_manifest_does_not_list_is_refused_by_name()
    {
        var path = Saved();
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        using (var writer = new StreamWriter(zip.CreateEntry("payload.dll").Open()))
            writer.Write("MZ");
        var error = Assert.Throws<InvalidDataException>(() => ModelPackage.Load(path));
        Assert.Contains("unexpected entries 'payload.dll'", error.Message);
    }

    [Fact]
    public void A_zip_without_a_manifest_is_not_a_model_package()
    {
        var path = _folder.File("other.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
            zip.CreateEntry("readme.txt");
        var error = Assert.Throws<InvalidDataException>(() => ModelPackage.Load(path));
        Assert.Contains("is not a Kiln model package: it has no manifest.json", error.Message);
    }

    [Fact]
    public void A_failed_save_leaves_the_previous_package_untouched()
    {
        var path = Saved();
        var before = File.ReadAllBytes(path);
        var unsaveable = new Pipeline(new PipelineStep("plain", new StandardScaler()), new PipelineStep("first-rows", new Compose.KeepFirstRows(2))).Fit(Sample);
        Assert.Throws<InvalidOperationException>(() => ModelPackage.Save(unsaveable, path));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["model.kiln"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName));
    }

    static void Rewrite(string path, string entryName, Func<string, string> change)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry(entryName)!;
        string text;
        using (var reader = new StreamReader(entry.Open())) text = reader.ReadToEnd();
        var changed = change(text);
        Assert.NotEqual(text, changed);
        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(entryName).Open(), new UTF8Encoding(false));
        writer.Write(changed);
    }
}
