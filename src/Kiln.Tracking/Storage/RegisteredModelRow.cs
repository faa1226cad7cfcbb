namespace Kiln.Tracking.Storage;

/// <summary>
/// The <c>registered_models</c> table. <see cref="LastVersion"/> counts versions ever created, so a deleted version's
/// number is never handed out again; raising it is also what serialises two registrations of one model.
/// </summary>
sealed class RegisteredModelRow
{
    public required string Name { get; set; }
    public string? Description { get; set; }
    public long CreationTime { get; set; }
    public long LastUpdatedTime { get; set; }
    public int LastVersion { get; set; }
    public List<RegisteredModelTagRow> Tags { get; set; } = [];
    public List<ModelAliasRow> Aliases { get; set; } = [];
}
