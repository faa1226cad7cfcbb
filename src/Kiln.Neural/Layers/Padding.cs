namespace Kiln.Neural.Layers;

/// <summary>How a convolution treats the border: valid keeps only full windows; same pads so the output is ⌈input / stride⌉ long (Keras' padding).</summary>
public enum Padding
{
    Valid,
    Same,
}
