using Kiln.Tracking;

namespace Kiln.Serving.Monitoring;

/// <summary>
/// Finds a registered model version's training reference: the artifact its run is tagged with
/// (<see cref="ReferenceProfile.RunTag"/>), or for a version registered from a file, the reference file beside it.
/// </summary>
public static class ReferenceLocator
{
    /// <summary>The reference and where it came from; a null profile with the reason when there is none.</summary>
    public static async Task<(ReferenceProfile? Profile, string Source)> FindAsync(TrackingStore tracking, string model, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tracking);
        ModelVersion registered;
        try
        {
            registered = await tracking.Registry.GetVersionAsync(model, version, cancellationToken).ConfigureAwait(false);
        }
        catch (TrackingException e) when (e.Code == TrackingErrorCode.ResourceDoesNotExist)
        {
            return (null, $"version {version} of '{model}' is not in the registry");
        }
        if (registered.RunId is { } runId)
        {
            var run = await tracking.Runs.GetAsync(runId, cancellationToken).ConfigureAwait(false);
            if (run.Tags.TryGetValue(ReferenceProfile.RunTag, out var artifact))
            {
                await using var stream = await tracking.Runs.OpenArtifactAsync(runId, artifact, cancellationToken).ConfigureAwait(false);
                return (ReferenceProfile.Read(stream, $"run {runId} artifact {artifact}"), $"runs:/{runId}/{artifact}");
            }
        }
        if (File.Exists(registered.Source) && ReferenceProfile.PathBeside(registered.Source) is var beside && File.Exists(beside))
            return (ReferenceProfile.Load(beside), beside);
        return (null, registered.RunId is null
            ? $"no reference profile beside {registered.Source}; train with `kiln train` to write one"
            : $"run {registered.RunId} has no reference profile (it was trained before monitoring existed); retrain to measure drift");
    }
}
