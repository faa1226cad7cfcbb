using System.Text;
using Kiln.Neural.Layers;
using TorchSharp;

namespace Kiln.Neural;

/// <summary>
/// A model made from a graph of layers (Keras' functional Model): <see cref="Input"/> nodes, layers and merges applied
/// to nodes, and the node that is the output. Fit, Evaluate and Predict take one array per input, in the order given
/// here. A layer applied to several nodes is built once, so they share its weights.
/// </summary>
public sealed class Functional : Model
{
    readonly Node[] _order;
    readonly Dictionary<Node, string> _names = new(ReferenceEqualityComparer.Instance);
    readonly Dictionary<Layer, torch.nn.Module<torch.Tensor, torch.Tensor>> _modules = new(ReferenceEqualityComparer.Instance);
    readonly torch.nn.Module _network;

    /// <param name="inputs">The inputs, in the order Fit, Evaluate and Predict take their arrays.</param>
    /// <param name="output">The node whose value the model outputs.</param>
    /// <param name="seed">Seed of the initial weights.</param>
    public Functional(IReadOnlyList<Input> inputs, Node output, long seed = 0)
    {
        if (inputs.Count == 0) throw new ArgumentException("a functional model needs at least one input", nameof(inputs));
        if (inputs.Distinct(ReferenceEqualityComparer.Instance).Count() != inputs.Count) throw new ArgumentException("an input is listed twice", nameof(inputs));
        TorchRuntime.Describe();
        Inputs = [.. inputs];
        _order = TopologicalOrder(output);
        var unlisted = _order.OfType<Input>().FirstOrDefault(i => !Inputs.Contains(i));
        if (unlisted is not null)
            throw new ArgumentException($"the output depends on an input of shape [{string.Join(", ", unlisted.Shape)}] that is not among the model's inputs", nameof(inputs));
        var unused = Inputs.FirstOrDefault(i => !_order.Contains(i));
        if (unused is not null) throw new ArgumentException($"input {Inputs.ToList().IndexOf(unused)} does not lead to the output", nameof(inputs));
        Output = output;

        torch.manual_seed(seed);
        var named = new List<(string, torch.nn.Module)>();
        for (var i = 0; i < _order.Length; i++)
        {
            var node = _order[i];
            _names[node] = node is Input { Name: { } name } ? name : $"{node.Kind}_{i}";
            if (node.Layer is { } layer && !_modules.ContainsKey(layer))
            {
                var module = layer.Build(node.Inbound[0].Shape);
                TrackPenalties(layer, module);
                _modules[layer] = module;
                named.Add(($"{i}_{layer.Kind}", module));
            }
        }
        _network = new GraphModule(named);
    }

    public IReadOnlyList<Input> Inputs { get; }

    public Node Output { get; }

    /// <summary>Every node the output depends on, each after the nodes it is computed from.</summary>
    internal IReadOnlyList<Node> Order => _order;

    public override IReadOnlyList<IReadOnlyList<long>> InputShapes => [.. Inputs.Select(i => i.Shape)];

    public override IReadOnlyList<long> OutputShape => Output.Shape;

    private protected override torch.nn.Module Network => _network;

    private protected override torch.Tensor Forward(IReadOnlyList<torch.Tensor> inputs)
    {
        var values = new Dictionary<Node, torch.Tensor>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < Inputs.Count; i++) values[Inputs[i]] = inputs[i];
        foreach (var node in _order)
        {
            if (node.Layer is { } layer) values[node] = _modules[layer].forward(values[node.Inbound[0]]);
            else if (node.Merge is { } merge) values[node] = merge.Combine([.. node.Inbound.Select(n => values[n])]);
        }
        return values[Output];
    }

    /// <summary>A Keras-style table of the nodes in computing order: name and type, output shape, parameters and the nodes each is computed from.</summary>
    public override string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine($"{"Layer (type)",-32}{"Output shape",-22}{"Params",12}  Connected to");
        var counted = new HashSet<Layer>(ReferenceEqualityComparer.Instance);
        foreach (var node in _order)
        {
            var type = node.Layer?.GetType().Name ?? node.Merge?.GetType().Name ?? nameof(Input);
            var parameters = node.Layer is { } layer && counted.Add(layer) ? Count(_modules[layer]) : 0;
            AppendRow(text, $"{_names[node]} ({type})", node.Shape, parameters, string.Join(", ", node.Inbound.Select(n => _names[n])));
        }
        text.Append($"Total params: {ParameterCount:N0}");
        return text.ToString();
    }

    /// <summary>Every node the output depends on, each after the nodes it is computed from.</summary>
    static Node[] TopologicalOrder(Node output)
    {
        var order = new List<Node>();
        var done = new HashSet<Node>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(Node Node, bool Expanded)>();
        stack.Push((output, false));
        while (stack.Count > 0)
        {
            var (node, expanded) = stack.Pop();
            if (done.Contains(node)) continue;
            if (expanded)
            {
                done.Add(node);
                order.Add(node);
                continue;
            }
            stack.Push((node, true));
            for (var i = node.Inbound.Count - 1; i >= 0; i--)
                if (!done.Contains(node.Inbound[i])) stack.Push((node.Inbound[i], false));
        }
        return [.. order];
    }
}
