using System.Text.Json.Nodes;
namespace Kiln.Neural.Layers;

/// <summary>What max and average pooling share: a square window, its stride (the window size unless given), valid padding.</summary>
public abstract class Pooling2D : Layer
{
    private protected Pooling2D(int poolSize, int? strides)
    {
        if (poolSize < 1) throw new ArgumentOutOfRangeException(nameof(poolSize), poolSize, $"{Kind}: pool size must be at least 1");
        if (strides < 1) throw new ArgumentOutOfRangeException(nameof(strides), strides, $"{Kind}: strides must be at least 1");
        (PoolSize, Strides) = (poolSize, strides ?? poolSize);
    }

    public int PoolSize { get; }

    public int Strides { get; }

    internal override void WriteConfig(JsonObject config)
    {
        config["pool_size"] = PoolSize;
        config["strides"] = Strides;
    }

    public override IReadOnlyList<long> OutputShape(IReadOnlyList<long> inputShape)
    {
        var (channels, height, width) = Spatial.ChannelsFirst(inputShape, Kind);
        return [channels, Spatial.OutputLength(height, PoolSize, Strides, 1, Padding.Valid, Kind), Spatial.OutputLength(width, PoolSize, Strides, 1, Padding.Valid, Kind)];
    }
}
