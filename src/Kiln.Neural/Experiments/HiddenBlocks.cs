using System.Text.Json.Nodes;

namespace Kiln.Neural.Experiments;

/// <summary>
/// The hidden part of a sequential config that the architecture keys change: every dense layer before the last one
/// (the output layer), each with the dropout, normalisation and activation layers right after it — its block. Layers
/// before the first hidden dense layer (convolutions, flatten …) and from the output layer on are left as they are.
/// </summary>
internal sealed class HiddenBlocks
{
    static readonly HashSet<string> Followers = ["dropout", "activation", "leaky_relu", "elu", "batch_normalization", "layer_normalization"];
    static readonly HashSet<string> ActivationLayers = ["activation", "leaky_relu", "elu"];

    readonly JsonArray _layers;
    readonly List<(int Start, int End)> _blocks;
    readonly int _output;
    readonly string _where;

    HiddenBlocks(JsonArray layers, List<(int Start, int End)> blocks, int output, string where) =>
        (_layers, _blocks, _output, _where) = (layers, blocks, output, where);

    /// <summary>The hidden blocks of the draft's config, or an error saying why <paramref name="key"/> does not apply to it.</summary>
    public static HiddenBlocks Find(VariantDraft draft, string key)
    {
        var where = $"{draft.Source}: '{key}'";
        if (draft.Config["model"]?.GetValue<string>() != "sequential")
            throw new ArgumentException($"{where} changes the hidden dense layers of a sequential model, but the base is a functional model; vary optimizer, lr, l2, batch-size, epochs or early-stopping instead");
        var layers = (JsonArray)draft.Config["layers"]!;
        var dense = Enumerable.Range(0, layers.Count).Where(i => TypeOf(layers[i]) == "dense").ToList();
        if (dense.Count == 0)
            throw new ArgumentException($"{where} changes the hidden dense layers, but the base has no dense layer");
        if (dense.Count == 1)
            throw new ArgumentException($"{where} changes the hidden dense layers, but the base has none: its only dense layer (layer {dense[0]}) is the output layer");
        var output = dense[^1];
        var blocks = new List<(int, int)>();
        foreach (var start in dense.Take(dense.Count - 1))
        {
            var end = start + 1;
            while (end < output && Followers.Contains(TypeOf(layers[end]))) end++;
            blocks.Add((start, end));
        }
        return new HiddenBlocks(layers, blocks, output, where);
    }

    /// <summary>
    /// Keeps the first <paramref name="count"/> blocks, repeating the last one when more are asked for: a base of
    /// 256 and 128 units gives 256 for one layer and 256, 128, 128 for three.
    /// </summary>
    public void Repeat(int count)
    {
        for (var i = 0; i < _blocks.Count; i++)
        {
            var next = i + 1 < _blocks.Count ? _blocks[i + 1].Start : _output;
            if (_blocks[i].End != next)
                throw new ArgumentException(
                    $"{_where} repeats the hidden blocks (a dense layer with the dropout, normalisation and activation layers after it), " +
                    $"but layer {_blocks[i].End} ({TypeOf(_layers[_blocks[i].End])}) stands between them");
        }
        var blocks = _blocks.Select(b => Enumerable.Range(b.Start, b.End - b.Start).Select(i => _layers[i]!).ToList()).ToList();
        var chosen = Enumerable.Range(0, count).Select(i => blocks[Math.Min(i, blocks.Count - 1)]).SelectMany(b => b).Select(l => l.DeepClone()).ToList();
        var start = _blocks[0].Start;
        for (var i = start; i < _output; i++) _layers.RemoveAt(start);
        for (var i = 0; i < chosen.Count; i++) _layers.Insert(start + i, chosen[i]);
    }

    public void SetUnits(int units)
    {
        foreach (var (start, _) in _blocks) _layers[start]!["units"] = units;
    }

    /// <summary>Sets the hidden layers' activation: a separate activation layer in a block becomes it, otherwise the dense layer takes it.</summary>
    public void SetActivation(string activation)
    {
        foreach (var (start, end) in _blocks)
        {
            var separate = Enumerable.Range(start + 1, end - start - 1).Where(i => ActivationLayers.Contains(TypeOf(_layers[i]))).ToList();
            if (separate.Count == 0) _layers[start]!["activation"] = activation;
            foreach (var i in separate) _layers[i] = new JsonObject { ["type"] = "activation", ["activation"] = activation };
        }
    }

    /// <summary>One dropout layer of this rate at the end of every block, replacing the block's own; a rate of 0 leaves none.</summary>
    public void SetDropout(double rate)
    {
        foreach (var (start, end) in Enumerable.Reverse(_blocks))
        {
            if (rate > 0) _layers.Insert(end, new JsonObject { ["type"] = "dropout", ["rate"] = rate });
            for (var i = end - 1; i > start; i--)
                if (TypeOf(_layers[i]) == "dropout") _layers.RemoveAt(i);
        }
    }

    static string TypeOf(JsonNode? layer) => layer?["type"]?.GetValue<string>() ?? "";
}
