namespace Kiln.Learn.Preprocessing;

/// <summary>How <see cref="KnnImputer"/> weighs the neighbours it averages.</summary>
public enum NeighborWeighting
{
    /// <summary>Every neighbour counts the same.</summary>
    Uniform,

    /// <summary>Each neighbour counts by the inverse of its distance; neighbours at distance zero decide alone.</summary>
    Distance,
}
