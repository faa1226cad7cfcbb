using System.Numerics.Tensors;
using Kiln.Neural.Layers;
using Kiln.Neural.Training;

namespace Kiln.Neural.Tests;

public class ConvolutionTests
{
    public static TheoryData<Layer, long[]> Layers() => new()
    {
        { new Conv2D(8, 3), [8, 26, 26] },
        { new Conv2D(8, 3, padding: Padding.Same), [8, 28, 28] },
        { new Conv2D(4, 3, strides: 2, padding: Padding.Same), [4, 14, 14] },
        { new Conv2D(4, 4, strides: 3, padding: Padding.Same), [4, 10, 10] },
        { new Conv2D(4, 5, strides: 2), [4, 12, 12] },
        { new Conv2D(4, 3, dilation: 2), [4, 24, 24] },
        { new MaxPooling2D(), [3, 14, 14] },
        { new MaxPooling2D(3, 2), [3, 13, 13] },
        { new AveragePooling2D(2), [3, 14, 14] },
        { new GlobalAveragePooling2D(), [3] },
        { new BatchNormalization(), [3, 28, 28] },
        { new Reshape(3, 784), [3, 784] },
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void The_declared_output_shape_is_the_shape_the_layer_computes(Layer layer, long[] expected)
    {
        using var model = new Sequential([3, 28, 28], [layer]);
        Assert.Equal(expected, model.OutputShape);
        var output = model.Predict(Tensor.Create(new float[2 * 3 * 28 * 28], [2, 3, 28, 28]));
        Assert.Equal([2, .. expected.Select(d => (nint)d)], output.Lengths.ToArray());
    }

    [Fact]
    public void Same_padding_keeps_a_one_pixel_image_feature_centred()
    {
        // a single bright pixel under an all-ones 3×3 kernel lights its 3×3 neighbourhood only if the padding is even
        using var model = new Sequential([1, 5, 5], [new Conv2D(1, 3, padding: Padding.Same)]);
        model.SetWeights([Enumerable.Repeat(1f, 9).ToArray(), [0f]]);
        var image = new float[25];
        image[12] = 1;
        var output = model.Predict(Tensor.Create(image, [1, 1, 5, 5]));
        for (var r = 0; r < 5; r++)
            for (var c = 0; c < 5; c++)
                Assert.Equal(Math.Abs(r - 2) <= 1 && Math.Abs(c - 2) <= 1 ? 1f : 0f, output[0, 0, r, c]);
    }

    [Fact]
    public void A_convolutional_network_learns_fashion_mnist()
    {
        var (x, y) = FashionMnist.Load("train", 3000);
        var (xTest, yTest) = FashionMnist.Load("t10k", 1000);
        using var model = new Sequential([28, 28], [
            new Reshape(1, 28, 28),
            new Conv2D(16, 3, padding: Padding.Same, activation: ActivationFunction.Relu),
            new BatchNormalization(),
            new MaxPooling2D(),
            new Conv2D(32, 3, activation: ActivationFunction.Relu),
            new MaxPooling2D(),
            new Flatten(),
            new Dropout(0.3),
            new Dense(10, ActivationFunction.Softmax),
        ]);
        model.Compile(new Adam(), Loss.SparseCategoricalCrossentropy, Metric.Accuracy);
        model.Fit(x, y, new FitOptions { Epochs = 2, BatchSize = 64, Seed = 2 });
        var scores = model.Evaluate(xTest, yTest);
        // 2 epochs on 3,000 images: across seeds 1–5 held-out accuracy spans 0.74–0.78 (chance is 0.10)
        Assert.True(scores["accuracy"] > 0.72, $"held-out accuracy {scores["accuracy"]}");
    }

    [Fact]
    public void Batch_normalisation_running_statistics_count_as_weights()
    {
        using var model = new Sequential([4], [new BatchNormalization()]);
        // scale and shift are trained; the running mean and variance are not, but Keras counts and saves them too
        Assert.Equal(4, model.GetWeights().Count);
        Assert.Equal(16, model.ParameterCount);
    }

    [Fact]
    public void A_convolution_on_a_flat_input_says_what_shape_it_needs()
    {
        var error = Assert.Throws<ArgumentException>(() => new Sequential([784], [new Conv2D(8, 3)]));
        Assert.Contains("[channels, height, width]", error.Message);
        Assert.Contains("Reshape", error.Message);
        Assert.Contains("does not fit", Assert.Throws<ArgumentException>(() => new Sequential([1, 2, 2], [new Conv2D(8, 3)])).Message);
    }
}
