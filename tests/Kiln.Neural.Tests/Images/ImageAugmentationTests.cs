using Kiln.Neural.Batches;
using Kiln.Neural.Images;
using TorchSharp;

namespace Kiln.Neural.Tests.Images;

public class ImageAugmentationTests
{
    const int Count = 64, Height = 5, Width = 7;

    /// <summary>64 noise images of one channel, 5 × 7, each row's class its index mod 2.</summary>
    static TensorDataset Noise(int channels = 1) =>
        new(Data.Noise(1, Count, channels, Height, Width), Data.Rows([.. Enumerable.Range(0, Count).Select(i => (float)(i % 2))], Count));

    static float[] Augmented(ImageAugmentation augmentation, long seed = 0, int epoch = 0, TensorDataset? data = null)
    {
        using var owned = data is null ? Noise() : null;
        var source = new AugmentedBatches(new BatchLoader(data ?? owned!, Count, shuffle: false), augmentation, seed);
        return Data.Flat(source.Read(epoch, 0).InputArray());
    }

    static float[] Image(float[] values, int index, int size = Height * Width) => values[(index * size)..((index + 1) * size)];

    static float[] Mirrored(float[] image, bool columns)
    {
        var result = new float[image.Length];
        for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
                result[y * Width + x] = columns ? image[y * Width + Width - 1 - x] : image[(Height - 1 - y) * Width + x];
        return result;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_flip_reverses_the_columns_or_rows_of_about_half_the_images(bool horizontal)
    {
        using var data = Noise();
        var original = Data.Flat(data.Read([.. Enumerable.Range(0, Count)]).InputArray());
        var augmented = Augmented(horizontal ? new() { HorizontalFlip = true } : new() { VerticalFlip = true }, data: data);
        var flipped = 0;
        for (var i = 0; i < Count; i++)
        {
            var (before, after) = (Image(original, i), Image(augmented, i));
            if (after.SequenceEqual(Mirrored(before, columns: horizontal))) flipped++;
            else Assert.Equal(before, after);
        }
        Assert.InRange(flipped, 16, 48);
    }

    [Fact]
    public void Settings_of_zero_leave_the_images_exactly_as_they_were()
    {
        using var data = Noise(channels: 3);
        var original = Data.Flat(data.Read([.. Enumerable.Range(0, Count)]).InputArray());
        var zero = ImageAugmentation.Parse("flip=none;rotation=0;shift=0;zoom=0;shear=0;brightness=0;contrast=0");
        Assert.True(zero.IsIdentity);
        Assert.Equal(original, Augmented(zero, data: data));
        using var images = torch.tensor(original, [Count, 3, Height, Width]);
        Assert.Equal(original, zero.Apply(images, seed: 5).data<float>().ToArray());
    }

    [Fact]
    public void The_same_seed_epoch_and_batch_give_the_same_images_and_others_give_new_ones()
    {
        var everything = ImageAugmentation.Parse("flip=both;rotation=20;shift=0.1;zoom=0.2;shear=10;brightness=0.3;contrast=0.3;fill=reflect");
        var first = Augmented(everything, seed: 1);
        Assert.Equal(first, Augmented(everything, seed: 1));
        Assert.NotEqual(first, Augmented(everything, seed: 2));
        Assert.NotEqual(first, Augmented(everything, seed: 1, epoch: 1));
        Assert.All(first, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Shapes_are_kept_including_flat_rows_that_hold_images()
    {
        using var flat = new TensorDataset(Data.Noise(3, 10, 48), Data.Rows([.. Enumerable.Range(0, 10).Select(i => (float)i)], 10));
        var source = new AugmentedBatches(new BatchLoader(flat, 4), ImageAugmentation.Parse("rotation=30;zoom=0.2"), seed: 1, imageShape: [3, 4, 4]);
        var batch = source.Read(0, 2);
        Assert.Equal([2, 48], batch.InputArray().Lengths.ToArray());
        Assert.Equal(Data.Flat(new BatchLoader(flat, 4).Read(0, 2).TargetArray()!), Data.Flat(batch.TargetArray()!));
        Assert.Contains("not images", Assert.Throws<ArgumentException>(() => new AugmentedBatches(new BatchLoader(flat, 4), new ImageAugmentation())).Message);
        Assert.Contains("do not hold images of shape [1, 7, 7]",
            Assert.Throws<ArgumentException>(() => new AugmentedBatches(new BatchLoader(flat, 4), new ImageAugmentation(), imageShape: [1, 7, 7])).Message);
    }

    [Fact]
    public void A_quarter_turn_rotates_counter_clockwise_and_a_shift_moves_whole_pixels()
    {
        const int n = 4;
        var values = Enumerable.Range(0, n * n).Select(v => (float)v).ToArray();
        using var image = torch.tensor(values, [1, 1, n, n]);
        var turned = ImageAugmentation.Warp(image, [new AffineWarp(90, 0, 1, 1, 0, 0)], FillMode.Constant).data<float>().ToArray();
        for (var row = 0; row < n; row++)
            for (var column = 0; column < n; column++)
                Assert.Equal(values[column * n + n - 1 - row], turned[row * n + column], 4);

        var shifted = ImageAugmentation.Warp(image, [new AffineWarp(0, 0, 1, 1, 1, 0)], FillMode.Constant).data<float>().ToArray();
        for (var row = 0; row < n; row++)
        {
            for (var column = 0; column < n - 1; column++) Assert.Equal(values[row * n + column + 1], shifted[row * n + column], 4);
            Assert.Equal(0, shifted[row * n + n - 1], 4);
        }
    }

    [Fact]
    public void Brightness_scales_each_image_by_one_factor_in_range_and_contrast_keeps_its_mean()
    {
        using var data = Noise();
        var original = Data.Flat(data.Read([.. Enumerable.Range(0, Count)]).InputArray());
        var brighter = Augmented(new ImageAugmentation { Brightness = 0.2 }, data: data);
        var factors = new List<double>();
        for (var i = 0; i < Count; i++)
        {
            var (before, after) = (Image(original, i), Image(brighter, i));
            var factor = after[0] / before[0];
            Assert.InRange(factor, 0.8 - 1e-5, 1.2 + 1e-5);
            for (var p = 0; p < before.Length; p++) Assert.Equal(before[p] * factor, after[p], 4);
            factors.Add(factor);
        }
        Assert.True(factors.Max() - factors.Min() > 0.2, "the factors should spread over the range");

        var contrasted = Augmented(new ImageAugmentation { Contrast = 0.5 }, data: data);
        for (var i = 0; i < Count; i++)
        {
            var (before, after) = (Image(original, i), Image(contrasted, i));
            Assert.Equal(before.Average(), after.Average(), 4);
            var (spreadBefore, spreadAfter) = (before.Max() - before.Min(), after.Max() - after.Min());
            Assert.InRange(spreadAfter / spreadBefore, 0.5 - 1e-4, 1.5 + 1e-4);
        }
    }

    [Fact]
    public void The_text_form_names_a_bad_key_or_value()
    {
        var parsed = ImageAugmentation.Parse("flip=horizontal; rotation=10; shift=0.1; zoom=0.1; shear=5; brightness=0.2; contrast=0.2");
        Assert.Equal(new ImageAugmentation
        {
            HorizontalFlip = true, Rotation = 10, WidthShift = 0.1, HeightShift = 0.1, Zoom = 0.1, Shear = 5, Brightness = 0.2, Contrast = 0.2,
        }, parsed);
        Assert.Contains("'rotate' is not an augmentation setting", Assert.Throws<ArgumentException>(() => ImageAugmentation.Parse("rotate=10")).Message);
        Assert.Contains("'zoom' is 'lots', not a number", Assert.Throws<ArgumentException>(() => ImageAugmentation.Parse("zoom=lots")).Message);
        Assert.Contains("'flip' is 'sideways'", Assert.Throws<ArgumentException>(() => ImageAugmentation.Parse("flip=sideways")).Message);
        Assert.Contains("width-shift is 1.5", Assert.Throws<ArgumentOutOfRangeException>(() => ImageAugmentation.Parse("width-shift=1.5")).Message);
        Assert.Contains("not key=value", Assert.Throws<ArgumentException>(() => ImageAugmentation.Parse("zoom")).Message);
    }
}
