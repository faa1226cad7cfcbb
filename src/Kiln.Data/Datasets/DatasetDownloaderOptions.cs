namespace Kiln.Data.Datasets;

/// <summary>Where <see cref="DatasetDownloader"/> keeps files and where it fetches them from.</summary>
public sealed record DatasetDownloaderOptions
{
    public const string MirrorEnvironmentVariable = "KILN_DATASETS_MIRROR";

    /// <summary>The Kiln home folder; datasets go to <c>datasets/&lt;name&gt;/</c> below it. Default: <see cref="KilnHome.Path"/>.</summary>
    public string? Home { get; init; }

    /// <summary>
    /// A base URL that replaces every catalog URL with <c>&lt;mirror&gt;/&lt;dataset&gt;/&lt;file name&gt;</c>, the same layout
    /// as the cache folder, so a copy of <c>$KILN_HOME/datasets</c> served over HTTP is a mirror.
    /// Default: <c>$KILN_DATASETS_MIRROR</c> when set.
    /// </summary>
    public Uri? Mirror { get; init; }

    /// <summary>Bytes read from the network between two progress reports at most.</summary>
    public int BufferBytes { get; init; } = 1 << 16;
}
