namespace Kiln.Tracking.Storage;

sealed class ParamRow
{
    public required string RunId { get; set; }
    public required string Key { get; set; }
    public required string Value { get; set; }
}
