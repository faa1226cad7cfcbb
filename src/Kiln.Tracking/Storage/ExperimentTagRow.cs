namespace Kiln.Tracking.Storage;

sealed class ExperimentTagRow
{
    public long ExperimentId { get; set; }
    public required string Key { get; set; }
    public required string Value { get; set; }
}
