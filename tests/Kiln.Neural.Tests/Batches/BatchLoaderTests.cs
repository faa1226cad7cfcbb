using Kiln.Neural.Batches;

namespace Kiln.Neural.Tests.Batches;

public class BatchLoaderTests
{
    /// <summary>Ten rows whose single value is the row number, so a batch shows which rows it holds.</summary>
    static TensorDataset Numbered(int rows = 10) =>
        new(Data.Rows([.. Enumerable.Range(0, rows).Select(i => (float)i)], rows, 1), Data.Rows([.. Enumerable.Range(0, rows).Select(i => (float)(i % 3))], rows));

    static int[] RowsOf(Batch batch) => [.. Data.Flat(batch.InputArray()).Select(v => (int)v)];

    static int[] Epoch(IBatchSource source, int epoch) => [.. Enumerable.Range(0, source.BatchCount).SelectMany(b => RowsOf(source.Read(epoch, b)))];

    [Fact]
    public void Without_shuffling_the_batches_hold_the_rows_in_order_and_the_last_one_the_rest()
    {
        using var data = Numbered();
        var loader = new BatchLoader(data, batchSize: 4, shuffle: false);
        Assert.Equal(3, loader.BatchCount);
        Assert.Equal(10, loader.RowCount);
        Assert.Equal([0, 1, 2, 3], RowsOf(loader.Read(0, 0)));
        Assert.Equal([8, 9], RowsOf(loader.Read(5, 2)));
        Assert.Equal([2, 0], Data.Flat(loader.Read(0, 2).TargetArray()!).Select(v => (int)v));
    }

    [Fact]
    public void Shuffling_visits_every_row_once_per_epoch_in_an_order_that_changes_between_epochs()
    {
        using var data = Numbered(50);
        var loader = new BatchLoader(data, batchSize: 8, seed: 3);
        var first = Epoch(loader, 0);
        var second = Epoch(loader, 1);
        Assert.Equal(Enumerable.Range(0, 50), first.Order());
        Assert.Equal(Enumerable.Range(0, 50), second.Order());
        Assert.NotEqual(first, second);
        Assert.NotEqual(Enumerable.Range(0, 50), first);
    }

    [Fact]
    public void An_epochs_order_depends_only_on_the_seed_and_the_epoch()
    {
        using var data = Numbered(50);
        var reread = new BatchLoader(data, batchSize: 8, seed: 3);
        var direct = new BatchLoader(data, batchSize: 8, seed: 3);
        Epoch(reread, 0);
        Epoch(reread, 1);
        Assert.Equal(Epoch(reread, 2), Epoch(direct, 2));
        Assert.NotEqual(Epoch(new BatchLoader(data, batchSize: 8, seed: 4), 2), Epoch(direct, 2));
    }

    [Fact]
    public void A_subset_reads_its_rows_of_the_whole_dataset_and_keeps_their_classes()
    {
        using var data = Numbered();
        var subset = new Subset(data, [7, 2, 9]);
        Assert.Equal([7, 2], RowsOf(subset.Read([0, 1])));
        Assert.Equal([1, 2, 0], subset.RowClasses);
        Assert.Contains("outside the subset's 3 rows", Assert.Throws<ArgumentOutOfRangeException>(() => subset.Read([3])).Message);
    }

    [Fact]
    public void A_tensor_dataset_knows_the_classes_of_index_and_one_hot_targets_but_not_of_real_values()
    {
        using var indices = new TensorDataset(Data.Noise(1, 3, 2), Data.Rows([2, 0, 1], 3, 1));
        Assert.Equal([2, 0, 1], indices.RowClasses);
        using var oneHot = new TensorDataset(Data.Noise(1, 2, 2), Data.Rows([0, 1, 0, 1, 0, 0], 2, 3));
        Assert.Equal([1, 0], oneHot.RowClasses);
        using var real = new TensorDataset(Data.Noise(1, 2, 2), Data.Rows([0.5f, 1], 2));
        Assert.Null(real.RowClasses);
    }

    [Fact]
    public void Bad_loader_and_batch_settings_are_refused_by_name()
    {
        using var data = Numbered();
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => new BatchLoader(data, batchSize: 0)).ParamName);
        Assert.Contains("an epoch has 3 batches", Assert.Throws<ArgumentOutOfRangeException>(() => new BatchLoader(data, 4).Read(0, 3)).Message);
        Assert.Contains("3 weights for 2 rows", Assert.Throws<ArgumentException>(() => new Batch(Data.Noise(1, 2, 2), null, [1, 1, 1])).Message);
        Assert.Contains("the targets have 3", Assert.Throws<ArgumentException>(() => new Batch(Data.Noise(1, 2, 2), Data.Noise(1, 3))).Message);
    }
}
