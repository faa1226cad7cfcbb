namespace Kiln.Server.Monitoring;

/// <summary>What <c>POST /api/models/{name}/feedback</c> answers: how many labels were stored.</summary>
public sealed record FeedbackReceipt(string Model, int Accepted);
