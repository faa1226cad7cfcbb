namespace Kiln.Learn;

/// <summary>A fitted model under the name its composite gives it (a pipeline step, a column transformer's part).</summary>
public sealed record NamedModel(string Name, IModel Model);
