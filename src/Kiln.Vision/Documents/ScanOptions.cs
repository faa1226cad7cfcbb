namespace Kiln.Vision.Documents;

/// <summary>How <see cref="DocumentScanner"/> looks for a page and what the straightened page looks like.</summary>
public sealed record ScanOptions
{
    /// <summary>The least share of the image a page must cover; smaller four-cornered outlines are not taken for the page.</summary>
    public double MinimumPageFraction { get; init; } = 0.1;

    /// <summary>Large photographs are searched at this longest side in pixels (the corners are then mapped back), for speed.</summary>
    public int DetectionSize { get; init; } = 800;

    /// <summary>Give the page a black-and-white "scanned" look with an adaptive threshold.</summary>
    public bool BlackAndWhite { get; init; }

    /// <summary>Neighbourhood of the black-and-white threshold, an odd number of pixels.</summary>
    public int ThresholdBlock { get; init; } = 21;

    /// <summary>How far below its neighbourhood's mean a pixel must be to turn black.</summary>
    public double ThresholdOffset { get; init; } = 10;

    internal void Check()
    {
        Vision.Check.InRange(MinimumPageFraction, 0, 1, nameof(MinimumPageFraction));
        if (DetectionSize < 64) throw new ArgumentOutOfRangeException(nameof(DetectionSize), DetectionSize, $"{nameof(DetectionSize)} must be at least 64 pixels, got {DetectionSize}");
        Vision.Check.OddKernel(ThresholdBlock, nameof(ThresholdBlock));
    }
}
