using System.Security.Cryptography;

namespace Kiln.Cli;

/// <summary>Images as bytes, row after row, with one label per image.</summary>
internal sealed record IdxImages(byte[] Pixels, byte[] Labels, int Rows, int Height, int Width)
{
    /// <summary>A SHA-256 of the pixels and labels, recorded in the package as the training data's fingerprint.</summary>
    public string Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Pixels);
        hash.AppendData(Labels);
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
