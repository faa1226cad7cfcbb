using System.Security.Cryptography;
using Kiln.Data;
using Kiln.Neural.Batches;
using Kiln.Neural.Images;
using Kiln.Neural.Packaging;
using Kiln.Plots;

namespace Kiln.Cli;

/// <summary>
/// What <c>kiln nn train</c> trains and evaluates on, as datasets the network reads batch by batch: an IDX dataset
/// (its train part, the last rows held out for validation, its t10k part for the test) or a folder of class folders
/// (images decoded per batch, a stratified validation split, an optional test folder).
/// </summary>
internal sealed class NetworkData : IDisposable
{
    readonly List<IDisposable> _owned = [];
    Func<int, byte[]> _galleryPixels = _ => [];

    NetworkData() { }

    public string Name { get; private init; } = "";

    public string Location { get; private init; } = "";

    public IReadOnlyList<string> Classes { get; private set; } = [];

    public ImagePreprocessing Preprocessing { get; private init; } = new();

    public IDataset Train { get; private set; } = null!;

    public IDataset? Validation { get; private set; }

    /// <summary>The rows the trained network is scored on: the test part, or else the validation part, or else the training rows.</summary>
    public IDataset Evaluation { get; private set; } = null!;

    /// <summary>"test", "val" or "train": which rows <see cref="Evaluation"/> is, as its metrics are prefixed.</summary>
    public string EvaluationName { get; private set; } = "test";

    public string Fingerprint { get; private set; } = "";

    /// <summary>Row <paramref name="row"/> of <see cref="Evaluation"/> as raw pixels for a report gallery.</summary>
    public GalleryImage GalleryImage(int row, string caption, string detail, bool highlight) =>
        new(_galleryPixels(row), Preprocessing.Height!.Value, Preprocessing.Width!.Value, caption, detail, highlight) { Channels = Preprocessing.Channels };

    public static NetworkData Open(string data, string? testData, string arch, IReadOnlyList<long> rowShape, LabelMode labels, double validationSplit, int? limit, long seed)
    {
        if (limit is < 1) throw new ArgumentException($"--limit {limit}: give at least 1 row");
        if (data is "mnist" or "fashion-mnist" || (Directory.Exists(data) && IdxImageSet.HasAllParts(data)))
        {
            if (testData is not null) throw new ArgumentException($"--test-data {testData}: IDX datasets bring their own test part (t10k); give --test-data with an image folder");
            return FromIdx(IdxImageData.Resolve(data), arch, rowShape, labels, validationSplit, limit);
        }
        if (Directory.Exists(data) && Directory.EnumerateDirectories(data).Any(d => !Path.GetFileName(d).StartsWith('.')))
            return FromFolder(data, testData, arch, rowShape, labels, validationSplit, limit, seed);
        IdxImageData.Resolve(data);
        throw new ArgumentException($"--data {data}: not mnist, fashion-mnist, a folder of IDX files or a folder of class folders");
    }

    static NetworkData FromIdx(IdxImageData source, string arch, IReadOnlyList<long> rowShape, LabelMode labels, double validationSplit, int? limit)
    {
        var train = source.Load("train", limit);
        var test = source.Load("t10k", null);
        var classCount = Math.Max(train.ClassCount, test.ClassCount);
        var preprocessing = ImagePreprocessing.UnitGrayscale(train.Height, train.Width);
        var data = new NetworkData
        {
            Name = source.Name, Location = source.Folder, Preprocessing = preprocessing, Classes = source.Classes(classCount), Fingerprint = train.Fingerprint(),
        };
        try
        {
            var all = data.Own(ForArchitecture(arch, () => IdxDataset.Create(train, preprocessing, rowShape, labels, classCount)));
            var trainRows = (int)(train.Count * (1 - validationSplit));
            if (trainRows < 1 || (validationSplit > 0 && trainRows == train.Count))
                throw new ArgumentException($"--validation-split {validationSplit}: leaves no rows on one side of {train.Count}");
            // Keras holds out the last rows, before shuffling
            data.Train = trainRows < train.Count ? new Subset(all, [.. Enumerable.Range(0, trainRows)]) : all;
            data.Validation = trainRows < train.Count ? new Subset(all, [.. Enumerable.Range(trainRows, train.Count - trainRows)]) : null;
            data.Evaluation = data.Own(IdxDataset.Create(test, preprocessing, rowShape, labels, classCount));
            var size = test.Height * test.Width;
            data._galleryPixels = row => test.Pixels[(row * size)..((row + 1) * size)];
            return data;
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    static NetworkData FromFolder(string folder, string? testFolder, string arch, IReadOnlyList<long> rowShape, LabelMode labels, double validationSplit, int? limit, long seed)
    {
        var preprocessing = ForArchitecture(arch, () => ImagePreprocessing.ForRows(rowShape));
        var all = ImageDataset.FromFolder(folder, preprocessing, labels, rowShape);
        IDataset pool = all;
        if (limit < all.Count)
        {
            var order = new RandomArrays(seed).Permutation(all.Count);
            pool = new Subset(all, [.. Enumerable.Range(0, limit.Value).Select(i => (int)order[i]).Order()]);
        }
        var data = new NetworkData
        {
            Name = Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar)), Location = Path.GetFullPath(folder),
            Preprocessing = preprocessing, Classes = all.ClassNames!,
        };
        if (validationSplit > 0)
        {
            try
            {
                (data.Train, data.Validation) = DatasetSplit.Stratified(pool, validationSplit, seed, all.ClassNames);
            }
            catch (ArgumentException error) when (error is not ArgumentOutOfRangeException)
            {
                throw Prefixed($"--validation-split {validationSplit.ToString(System.Globalization.CultureInfo.InvariantCulture)}", error);
            }
        }
        else data.Train = pool;
        if (testFolder is not null)
        {
            var test = ImageDataset.FromFolder(testFolder, preprocessing, labels, rowShape);
            if (!test.ClassNames!.SequenceEqual(all.ClassNames!))
                throw new ArgumentException($"--test-data {testFolder}: its classes ({string.Join(", ", test.ClassNames!)}) are not those of {folder} ({string.Join(", ", all.ClassNames!)})");
            (data.Evaluation, data.EvaluationName) = (test, "test");
        }
        else (data.Evaluation, data.EvaluationName) = data.Validation is { } held ? (held, "val") : (data.Train, "train");
        data.Fingerprint = FilesFingerprint(data.Train);
        var raw = preprocessing with { Scale = 1, Offset = 0 };
        data._galleryPixels = row => Interleaved(ImageFile.Read(PathOf(data.Evaluation, row), raw), preprocessing.Channels);
        return data;
    }

    /// <summary>The image file behind a row of an image dataset or of a subset of one.</summary>
    static string PathOf(IDataset dataset, int row) => dataset switch
    {
        Subset subset => PathOf(subset.Dataset, subset.Rows[row]),
        ImageDataset images => images.Paths[row],
        _ => throw new InvalidOperationException("the rows are not image files"),
    };

    /// <summary>A SHA-256 over each training image's class and bytes, in row order.</summary>
    static string FilesFingerprint(IDataset train)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var row = 0; row < train.Count; row++)
        {
            hash.AppendData(BitConverter.GetBytes(train.RowClasses![row]));
            hash.AppendData(File.ReadAllBytes(PathOf(train, row)));
        }
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Channels-first values 0–255 as bytes with the channels of each pixel side by side.</summary>
    static byte[] Interleaved(float[] planes, int channels)
    {
        var plane = planes.Length / channels;
        var bytes = new byte[planes.Length];
        for (var c = 0; c < channels; c++)
            for (var i = 0; i < plane; i++) bytes[i * channels + c] = (byte)Math.Clamp(MathF.Round(planes[c * plane + i]), 0, 255);
        return bytes;
    }

    static T ForArchitecture<T>(string arch, Func<T> make)
    {
        try
        {
            return make();
        }
        catch (ArgumentException error) when (error is not ArgumentOutOfRangeException)
        {
            throw Prefixed($"--arch {arch}", error);
        }
    }

    /// <summary>The error with the option it concerns in front, without the parameter name and value .NET appends.</summary>
    public static ArgumentException Prefixed(string option, ArgumentException error) =>
        new($"{option}: {Kiln.Learn.ArgumentMessages.Own(error)}", error);

    T Own<T>(T owned) where T : IDisposable
    {
        _owned.Add(owned);
        return owned;
    }

    public void Dispose()
    {
        foreach (var owned in _owned) owned.Dispose();
        _owned.Clear();
    }
}
