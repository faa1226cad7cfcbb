namespace Kiln.Neural.Batches;

/// <summary>
/// What a model's Fit, Evaluate and Predict consume (Keras' PyDataset, tf.data's batched dataset): a fixed number of
/// batches per epoch, each readable on its own. The same source, epoch and batch index always give the same batch,
/// so a run is reproducible from its seeds and data need not be in memory whole.
/// </summary>
public interface IBatchSource
{
    /// <summary>Each input's row shape, without the batch dimension.</summary>
    IReadOnlyList<IReadOnlyList<long>> InputShapes { get; }

    /// <summary>How many batches one epoch has (Keras' steps per epoch).</summary>
    int BatchCount { get; }

    /// <summary>How many rows one epoch yields over all its batches.</summary>
    int RowCount { get; }

    /// <summary>Batch <paramref name="index"/> (0 … BatchCount − 1) of epoch <paramref name="epoch"/> (from 0).</summary>
    Batch Read(int epoch, int index);
}
