namespace Kiln.Neural.Layers;

/// <summary>Shape arithmetic that convolution and pooling layers share.</summary>
internal static class Spatial
{
    /// <summary>The [channels, height, width] of an image input, or an error naming the layer.</summary>
    public static (long Channels, long Height, long Width) ChannelsFirst(IReadOnlyList<long> shape, string layer) => shape.Count == 3
        ? (shape[0], shape[1], shape[2])
        : throw new ArgumentException($"{layer}: takes inputs shaped [channels, height, width], not [{string.Join(", ", shape)}]; add a Reshape layer first");

    /// <summary>Output length along one axis: ⌊(n − d(k − 1) − 1) / s⌋ + 1 for valid, ⌈n / s⌉ for same.</summary>
    public static long OutputLength(long length, int kernel, int stride, int dilation, Padding padding, string layer)
    {
        var span = (long)dilation * (kernel - 1) + 1;
        if (padding == Padding.Same) return (length + stride - 1) / stride;
        if (length < span)
            throw new ArgumentException($"{layer}: a window of {span} does not fit an input {length} long; use same padding or a smaller kernel");
        return (length - span) / stride + 1;
    }

    /// <summary>Padding before and after along one axis for "same" output, the odd one after (as Keras and TensorFlow).</summary>
    public static (long Before, long After) SamePadding(long length, int kernel, int stride, int dilation)
    {
        var output = (length + stride - 1) / stride;
        var total = Math.Max((output - 1) * stride + (long)dilation * (kernel - 1) + 1 - length, 0);
        return (total / 2, total - total / 2);
    }
}
