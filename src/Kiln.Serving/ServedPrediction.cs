using Kiln.Data;

namespace Kiln.Serving;

/// <summary>
/// One answered prediction request, as listeners (the prediction log, drift monitoring) receive it after the answer
/// has gone out. Listeners must treat it as read-only: the frame and batch are shared with nothing else but are not copied.
/// </summary>
/// <param name="Id">The request's id, answered to the caller, by which feedback later names it.</param>
/// <param name="Model">The registered model's name.</param>
/// <param name="Version">The version that answered.</param>
/// <param name="Alias">The alias the request named (<c>churn@champion</c>), or null when it named a bare name or a version.</param>
/// <param name="Time">When the request arrived.</param>
/// <param name="Latency">From arrival to the answer being ready, input parsing included.</param>
/// <param name="Inputs">The request's rows, typed as the model's input schema.</param>
/// <param name="Outputs">The predictions (and class probabilities) answered for those rows.</param>
public sealed record ServedPrediction(
    string Id,
    string Model,
    int Version,
    string? Alias,
    DateTimeOffset Time,
    TimeSpan Latency,
    Frame Inputs,
    PredictionBatch Outputs)
{
    /// <summary>The version's role in the model's deployment; null when the request bypassed it or there is none.</summary>
    public ServingRole? Role { get; init; }

    /// <summary>For a shadow's prediction: the id of the request whose rows it predicted (the answer that went out).</summary>
    public string? ServedId { get; init; }

    /// <summary>For a shadow's prediction: how many rows it predicted the same as the answer that went out.</summary>
    public int? AgreedRows { get; init; }

    /// <summary>A new request id: 32 lower-case hex digits, time-ordered, unique without coordination.</summary>
    public static string NewId() => Guid.CreateVersion7().ToString("N");
}
