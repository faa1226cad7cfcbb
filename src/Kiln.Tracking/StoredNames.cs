using System.Globalization;

namespace Kiln.Tracking;

/// <summary>How states and times are written in the database: MLflow's spellings and milliseconds since the Unix epoch.</summary>
static class StoredNames
{
    public static string Of(LifecycleStage stage) => stage == LifecycleStage.Active ? "active" : "deleted";

    /// <summary>The stored lifecycle stage a view keeps, or null when it keeps every stage.</summary>
    public static string? Of(LifecycleView view) => view switch
    {
        LifecycleView.ActiveOnly => Of(LifecycleStage.Active),
        LifecycleView.DeletedOnly => Of(LifecycleStage.Deleted),
        _ => null,
    };

    public static LifecycleStage Lifecycle(string text) => text == "deleted" ? LifecycleStage.Deleted : LifecycleStage.Active;

    public static string Of(RunStatus status) => status.ToString().ToUpperInvariant();

    public static RunStatus Status(string text) => Enum.Parse<RunStatus>(text, ignoreCase: true);

    public static string Of(ModelVersionStatus status) => status switch
    {
        ModelVersionStatus.PendingRegistration => "PENDING_REGISTRATION",
        ModelVersionStatus.FailedRegistration => "FAILED_REGISTRATION",
        _ => "READY",
    };

    public static ModelVersionStatus VersionStatus(string text) => text switch
    {
        "PENDING_REGISTRATION" => ModelVersionStatus.PendingRegistration,
        "FAILED_REGISTRATION" => ModelVersionStatus.FailedRegistration,
        _ => ModelVersionStatus.Ready,
    };

    public static long Millis(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset Time(long millis) => DateTimeOffset.FromUnixTimeMilliseconds(millis);

    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
