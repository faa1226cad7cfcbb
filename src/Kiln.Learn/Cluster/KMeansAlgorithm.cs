namespace Kiln.Learn.Cluster;

/// <summary>How <see cref="KMeans"/> runs its iterations; both give the same clusters.</summary>
public enum KMeansAlgorithm
{
    /// <summary>Lloyd's algorithm: every row against every centre each iteration.</summary>
    Lloyd,

    /// <summary>Elkan's algorithm: triangle-inequality bounds skip most distances; faster on well-separated clusters, k bounds per row of memory.</summary>
    Elkan,
}
