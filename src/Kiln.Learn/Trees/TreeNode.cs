using System.Runtime.InteropServices;

namespace Kiln.Learn.Trees;

/// <summary>
/// One node of a <see cref="FittedTree"/>: rows whose value of <see cref="Feature"/> is at most <see cref="Threshold"/>
/// go to <see cref="Left"/>, the others to <see cref="Right"/>. A leaf has feature −1. The four sit together so that
/// walking a tree reads one cache line per node.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct TreeNode(double Threshold, int Feature, int Left, int Right)
{
    public bool IsLeaf => Feature < 0;
}
