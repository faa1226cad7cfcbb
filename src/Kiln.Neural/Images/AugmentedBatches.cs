using Kiln.Neural.Batches;

namespace Kiln.Neural.Images;

/// <summary>
/// A source's batches with their images randomly changed (Keras' ImageDataGenerator.flow): each batch's changes are
/// drawn from <see cref="Seed"/>, the epoch and the batch index, so a run is reproducible and every epoch sees new
/// variants. Wrap only the training source; validation and test data stay as they are.
/// </summary>
public sealed class AugmentedBatches : IBatchSource
{
    readonly long[] _imageShape;

    /// <summary>
    /// Augments input <paramref name="input"/> of <paramref name="source"/>, whose rows are images [channels, height,
    /// width] or hold one image of <paramref name="imageShape"/> (e.g. [784] rows as [1, 28, 28]).
    /// </summary>
    public AugmentedBatches(IBatchSource source, ImageAugmentation augmentation, long seed = 0, IReadOnlyList<long>? imageShape = null, int input = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(augmentation);
        augmentation.Check();
        if ((uint)input >= (uint)source.InputShapes.Count)
            throw new ArgumentOutOfRangeException(nameof(input), input, $"the source has {source.InputShapes.Count} inputs");
        var rowShape = source.InputShapes[input];
        _imageShape = imageShape is not null ? [.. imageShape] : rowShape.Count == 3 ? [.. rowShape]
            : throw new ArgumentException($"input {input} has rows of shape [{string.Join(", ", rowShape)}], not images [channels, height, width]; give the image shape they hold", nameof(imageShape));
        if (_imageShape.Length != 3 || _imageShape.Any(d => d < 1) || _imageShape.Aggregate(1L, (a, b) => a * b) != rowShape.Aggregate(1L, (a, b) => a * b))
            throw new ArgumentException($"rows of shape [{string.Join(", ", rowShape)}] do not hold images of shape [{string.Join(", ", _imageShape)}] (channels, height, width)", nameof(imageShape));
        (Source, Augmentation, Seed, Input) = (source, augmentation, seed, input);
    }

    public IBatchSource Source { get; }

    public ImageAugmentation Augmentation { get; }

    public long Seed { get; }

    /// <summary>Which of the source's inputs holds the images.</summary>
    public int Input { get; }

    public IReadOnlyList<IReadOnlyList<long>> InputShapes => Source.InputShapes;

    public int BatchCount => Source.BatchCount;

    public int RowCount => Source.RowCount;

    public Batch Read(int epoch, int index)
    {
        var batch = Source.Read(epoch, index);
        if (Augmentation.IsIdentity) return batch;
        var inputs = batch.Inputs.ToArray();
        var rows = inputs[Input];
        var images = rows.reshape([rows.shape[0], .. _imageShape]);
        inputs[Input] = Augmentation.Apply(images, Seeds.Derive(Seed, epoch, index)).reshape(rows.shape);
        return batch.WithInputs(inputs);
    }
}
