using System.Text.Json;

namespace Kiln.Server.Monitoring;

/// <summary>One true label in a feedback request: the prediction's id, the row within it (0 by default) and the label.</summary>
public sealed record FeedbackItem(string? Id, int Row, JsonElement Label);
