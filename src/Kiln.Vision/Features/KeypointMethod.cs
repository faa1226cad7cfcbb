namespace Kiln.Vision.Features;

/// <summary>Keypoint detectors and their descriptors: ORB (binary, fast) or SIFT (floating-point, scale and rotation invariant).</summary>
public enum KeypointMethod
{
    Orb,
    Sift,
}
