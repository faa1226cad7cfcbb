namespace Kiln.Learn.Neighbors;

/// <summary>How nearest-neighbour learners search their training rows; every choice finds the same neighbours.</summary>
public enum NeighborAlgorithm
{
    /// <summary>A KD-tree for Euclidean or Manhattan distance on at most 15 features and more than 256 rows, brute force otherwise.</summary>
    Auto,

    /// <summary>Compare each query with every training row, in SIMD tiles.</summary>
    Brute,

    /// <summary>A KD-tree: pays on few features; Euclidean and Manhattan only.</summary>
    KdTree,
}
