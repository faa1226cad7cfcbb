namespace Kiln.Server.Predictions;

/// <summary>One field of a model's input rows: its name and type (<c>float64</c>, <c>int64</c>, <c>bool</c>, <c>string</c>, <c>datetime</c>).</summary>
public sealed record InputField(string Name, string Type);
