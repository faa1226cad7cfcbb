namespace Kiln.Learn.Decomposition;

/// <summary>How <see cref="Pca"/> computes its singular value decomposition.</summary>
public enum PcaSolver
{
    /// <summary>Full below 500 rows and columns or for a variance fraction; randomized for fewer than 80% of the possible components otherwise (scikit-learn's rule).</summary>
    Auto,

    /// <summary>An exact thin SVD of the centred data.</summary>
    Full,

    /// <summary>Halko et al.'s randomized SVD, seeded; fast for the leading components of large or wide data.</summary>
    Randomized,
}
