namespace Kiln.Data;

/// <summary>
/// An image dataset laid out as one sub-folder per class (<c>root/cat/001.jpg</c>, <c>root/dog/abc.png</c>), as
/// torchvision's <c>ImageFolder</c>: classes are the sub-folder names sorted ordinally, and every file below a class
/// folder (at any depth) with one of the extensions is a sample of that class, in sorted path order.
/// This only finds the files; decoding pixels belongs to Kiln.Vision (OpenCV), which reads the paths listed here.
/// </summary>
public sealed class ImageFolder
{
    /// <summary>The extensions scanned when none are given (compared without regard to case).</summary>
    public static IReadOnlyList<string> DefaultExtensions { get; } =
        [".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp", ".pgm", ".ppm"];

    ImageFolder(string root, IReadOnlyList<string> classes, IReadOnlyList<ImageSample> samples, IReadOnlyList<int> counts)
    {
        Root = root;
        Classes = classes;
        Samples = samples;
        CountsPerClass = counts;
    }

    public string Root { get; }

    /// <summary>Class names, sorted; a sample's <see cref="ImageSample.ClassIndex"/> points into this list.</summary>
    public IReadOnlyList<string> Classes { get; }

    public IReadOnlyList<ImageSample> Samples { get; }

    /// <summary>How many samples each class has, in the order of <see cref="Classes"/>.</summary>
    public IReadOnlyList<int> CountsPerClass { get; }

    public int CountOf(string className)
    {
        var index = Classes.ToList().IndexOf(className);
        if (index < 0)
            throw new ArgumentException($"no class '{className}' in {Root} (classes: {string.Join(", ", Classes)})", nameof(className));
        return CountsPerClass[index];
    }

    /// <summary>
    /// Lists the classes and image files below <paramref name="root"/>. Hidden files and folders (starting with '.')
    /// are skipped. A missing root, a root without sub-folders, or a class folder without any image is an error
    /// that names the folder and the extensions looked for.
    /// </summary>
    public static ImageFolder Scan(string root, IEnumerable<string>? extensions = null)
    {
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
            throw new DirectoryNotFoundException(File.Exists(full) ? $"{root} is a file, not a folder of class folders" : $"{root}: no such folder");
        var wanted = new HashSet<string>(
            (extensions ?? DefaultExtensions).Select(e => e.StartsWith('.') ? e : "." + e),
            StringComparer.OrdinalIgnoreCase);
        if (wanted.Count == 0) throw new ArgumentException("at least one file extension is needed", nameof(extensions));

        var classFolders = Directory.GetDirectories(full)
            .Where(d => !IsHidden(d))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (classFolders.Length == 0)
            throw new DirectoryNotFoundException($"{root} has no class folders: put each class's images in a sub-folder named after the class");

        var classes = classFolders.Select(Path.GetFileName).Select(n => n!).ToArray();
        var samples = new List<ImageSample>();
        var counts = new int[classes.Length];
        var empty = new List<string>();
        for (var c = 0; c < classFolders.Length; c++)
        {
            var files = Directory.EnumerateFiles(classFolders[c], "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden })
                .Where(f => wanted.Contains(Path.GetExtension(f)) && !IsHidden(Path.GetRelativePath(classFolders[c], f)))
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                samples.Add(new ImageSample(file, c));
                counts[c]++;
            }
            if (counts[c] == 0) empty.Add(classes[c]);
        }
        if (empty.Count > 0)
            throw new FileNotFoundException(
                $"{root}: no {string.Join("/", wanted.Order())} files in the class folder(s) {string.Join(", ", empty)}");
        return new ImageFolder(full, classes, samples, counts);
    }

    static bool IsHidden(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'));
}
