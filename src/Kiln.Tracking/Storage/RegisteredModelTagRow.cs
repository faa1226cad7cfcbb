namespace Kiln.Tracking.Storage;

sealed class RegisteredModelTagRow
{
    public required string Name { get; set; }
    public required string Key { get; set; }
    public required string Value { get; set; }
}
