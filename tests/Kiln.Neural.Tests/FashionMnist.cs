using System.Numerics.Tensors;
using Kiln.Data;
using Kiln.Testing;

namespace Kiln.Neural.Tests;

/// <summary>The first rows of Fashion-MNIST from ../shared, as images scaled to [0, 1] and class indices.</summary>
static class FashionMnist
{
    public static (Tensor<float> X, Tensor<float> Y) Load(string part, int rows)
    {
        var images = IdxReader.ReadBytes(SharedFolder.RequireDataset($"fashion-mnist/{part}-images-idx3-ubyte.gz"));
        var labels = IdxReader.ReadBytes(SharedFolder.RequireDataset($"fashion-mnist/{part}-labels-idx1-ubyte.gz"));
        var pixels = new byte[images.FlattenedLength];
        images.FlattenTo(pixels);
        var classes = new byte[labels.FlattenedLength];
        labels.FlattenTo(classes);
        var x = new float[rows * 28 * 28];
        for (var i = 0; i < x.Length; i++) x[i] = pixels[i] / 255f;
        var y = new float[rows];
        for (var i = 0; i < rows; i++) y[i] = classes[i];
        return (Tensor.Create(x, [rows, 28, 28]), Tensor.Create(y, [rows]));
    }
}
