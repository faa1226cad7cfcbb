namespace Kiln.Tracking.Storage;

sealed class RunTagRow
{
    public required string RunId { get; set; }
    public required string Key { get; set; }
    public required string Value { get; set; }
}
