namespace Kiln.Tracking;

/// <summary>
/// How a registered model's bare name is served: the version <see cref="PrimaryAlias"/> names answers, except for
/// <see cref="CanaryWeight"/> per cent of requests, which the version <see cref="CanaryAlias"/> names answers; the
/// version <see cref="ShadowAlias"/> names predicts every request too, but its answers are only logged.
/// </summary>
/// <param name="PrimaryAlias">The alias that serves by default, such as <c>champion</c>.</param>
/// <param name="CanaryAlias">The alias that serves a share of requests, or null for none.</param>
/// <param name="CanaryWeight">The canary's share of requests in per cent, 1–99; 0 when there is no canary.</param>
/// <param name="ShadowAlias">The alias that predicts every request in the background without answering, or null.</param>
public sealed record ModelDeployment(string PrimaryAlias, string? CanaryAlias = null, int CanaryWeight = 0, string? ShadowAlias = null)
{
    public const int MinimumCanaryWeight = 1;
    public const int MaximumCanaryWeight = 99;

    /// <summary>The aliases it names, primary first.</summary>
    public IEnumerable<string> Aliases()
    {
        yield return PrimaryAlias;
        if (CanaryAlias is not null) yield return CanaryAlias;
        if (ShadowAlias is not null) yield return ShadowAlias;
    }

    public override string ToString() =>
        PrimaryAlias + (CanaryAlias is null ? "" : $", canary {CanaryAlias} {CanaryWeight} %") + (ShadowAlias is null ? "" : $", shadow {ShadowAlias}");
}
