namespace Kiln.Learn.Training;

/// <summary>A fitted model's score on the held-out rows by the search's scoring, with the usual classification or regression scores.</summary>
public sealed record HeldOutScore(string Scoring, double Score, Evaluation Evaluation);
