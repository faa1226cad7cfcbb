namespace Kiln.Vision.Features;

/// <summary>How descriptors are matched: exhaustive brute force or FLANN's approximate nearest neighbours.</summary>
public enum MatcherKind
{
    BruteForce,
    Flann,
}
