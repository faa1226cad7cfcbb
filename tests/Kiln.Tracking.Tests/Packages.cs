using Kiln.Data;
using Kiln.Learn;
using Kiln.Learn.Preprocessing;

namespace Kiln.Tracking.Tests;

/// <summary>Small real model packages to log and register.</summary>
public static class Packages
{
    public static string Write(string path, double scale = 1)
    {
        var frame = new Frame(new Float64Column("x", [1 * scale, 2 * scale, 4 * scale]), new Float64Column("y", [3, 1, 4]));
        ModelPackage.Save(new StandardScaler().Fit(frame), path, new PackageInfo { Seed = 7, DataFingerprint = DataFingerprint.Of(frame) });
        return path;
    }
}
