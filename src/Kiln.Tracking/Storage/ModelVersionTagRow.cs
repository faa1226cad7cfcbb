namespace Kiln.Tracking.Storage;

sealed class ModelVersionTagRow
{
    public required string Name { get; set; }
    public int Version { get; set; }
    public required string Key { get; set; }
    public required string Value { get; set; }
}
