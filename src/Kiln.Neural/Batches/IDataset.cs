namespace Kiln.Neural.Batches;

/// <summary>
/// Rows that can be read by index in any order (PyTorch's map-style Dataset): a batch source picks which rows make
/// each batch, so the data itself — arrays in memory or image files on disk — never has to be read whole.
/// </summary>
public interface IDataset
{
    /// <summary>How many rows there are; rows are numbered 0 … Count − 1.</summary>
    int Count { get; }

    /// <summary>Each input's row shape, without the batch dimension.</summary>
    IReadOnlyList<IReadOnlyList<long>> InputShapes { get; }

    /// <summary>
    /// Each row's class index, known without reading the rows, when the targets are classes (class indices or one-hot
    /// rows); null otherwise. Stratified splits, balanced class weights and weighted sampling read it.
    /// </summary>
    IReadOnlyList<int>? RowClasses { get; }

    /// <summary>The given rows, in the given order, as one batch.</summary>
    Batch Read(ReadOnlySpan<int> rows);
}
