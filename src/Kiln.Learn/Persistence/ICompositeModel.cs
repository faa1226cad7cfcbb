namespace Kiln.Learn;

/// <summary>A fitted model built from other fitted models (a pipeline, a column transformer), saved by kind rather than by catalog name.</summary>
public interface ICompositeModel : IModel
{
    /// <summary>The kind under which <see cref="ModelFormat"/> knows how to load it back.</summary>
    string Kind { get; }

    /// <summary>The fitted models it is made of, in order, so that manifests and reports can describe every part.</summary>
    IReadOnlyList<NamedModel> Parts { get; }
}
