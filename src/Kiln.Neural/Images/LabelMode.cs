namespace Kiln.Neural.Images;

/// <summary>How an image dataset gives each row's class as its target (Keras' label_mode).</summary>
public enum LabelMode
{
    /// <summary>The class index as one number (Keras' "int"), for sparse categorical or binary cross-entropy.</summary>
    Index,

    /// <summary>A row of zeros with a one at the class (Keras' "categorical"), for categorical cross-entropy.</summary>
    OneHot,
}
