using Kiln.Data;

namespace Kiln.Learn;

/// <summary>A fitted transformer: maps a frame to a new frame with the same rows (imputers, scalers, encoders …).</summary>
public interface ITransformerModel : IModel
{
    Frame Transform(Frame features);

    /// <summary>The names of the columns <see cref="Transform"/> produces, in order (one-hot columns as <c>city=Paris</c>).</summary>
    IReadOnlyList<string> OutputNames { get; }
}
