using OpenCvSharp;
using OpenCvSharp.Flann;

namespace Kiln.Vision.Features;

/// <summary>Matches descriptors of two images and keeps the distinctive matches (Lowe's ratio test).</summary>
public static class FeatureMatching
{
    /// <summary>
    /// For each descriptor of <paramref name="query"/>, its two nearest in <paramref name="train"/>; the match is kept when
    /// the nearest is closer than <paramref name="ratio"/> times the second (Lowe's test). Best matches first.
    /// </summary>
    public static IReadOnlyList<DMatch> Match(ImageFeatures query, ImageFeatures train, MatcherKind matcher = MatcherKind.BruteForce, double ratio = 0.75)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(train);
        if (query.Method != train.Method)
            throw new ArgumentException($"both images need the same kind of descriptors, got {query.Method} and {train.Method}", nameof(train));
        Check.InRange(ratio, 0, 1, nameof(ratio));
        if (query.Keypoints.Count == 0 || train.Keypoints.Count < 2) return [];
        using var descriptorMatcher = Create(query.Method, matcher);
        var pairs = descriptorMatcher.KnnMatch(query.Descriptors, train.Descriptors, 2);
        var kept = new List<DMatch>();
        foreach (var pair in pairs)
            if (pair.Length == 2 && pair[0].Distance < ratio * pair[1].Distance) kept.Add(pair[0]);
        kept.Sort((a, b) => a.Distance.CompareTo(b.Distance));
        return kept;
    }

    static DescriptorMatcher Create(KeypointMethod method, MatcherKind matcher) => (method, matcher) switch
    {
        (KeypointMethod.Orb, MatcherKind.BruteForce) => new BFMatcher(NormTypes.Hamming),
        (KeypointMethod.Sift, MatcherKind.BruteForce) => new BFMatcher(NormTypes.L2),
        // Binary descriptors need FLANN's locality-sensitive hashing; floating-point ones its KD-trees.
        (KeypointMethod.Orb, MatcherKind.Flann) => new FlannBasedMatcher(new LshIndexParams(6, 12, 1), new SearchParams(50)),
        (KeypointMethod.Sift, MatcherKind.Flann) => new FlannBasedMatcher(new KDTreeIndexParams(5), new SearchParams(50)),
        _ => throw new ArgumentOutOfRangeException(nameof(matcher), matcher, "unknown matcher"),
    };
}
