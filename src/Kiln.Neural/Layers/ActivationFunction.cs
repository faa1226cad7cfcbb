namespace Kiln.Neural.Layers;

/// <summary>The element-wise (or, for softmax, per-row) functions a layer can apply to its output.</summary>
public enum ActivationFunction
{
    Linear,
    Relu,
    LeakyRelu,
    Elu,
    Gelu,
    Sigmoid,
    Tanh,
    Softmax,
}
