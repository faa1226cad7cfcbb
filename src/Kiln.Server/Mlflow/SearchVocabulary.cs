namespace Kiln.Server.Mlflow;

/// <summary>Which keys one kind of search understands: the entities it has, and its attributes by type.</summary>
sealed record SearchVocabulary(IReadOnlySet<SearchEntity> Entities, IReadOnlySet<string> TextAttributes, IReadOnlySet<string> NumberAttributes)
{
    public static readonly SearchVocabulary Runs = new(
        new HashSet<SearchEntity> { SearchEntity.Attribute, SearchEntity.Metric, SearchEntity.Param, SearchEntity.Tag },
        new HashSet<string> { "run_id", "run_name", "status", "user_id", "artifact_uri", "lifecycle_stage", "experiment_id" },
        new HashSet<string> { "start_time", "end_time", "created" });

    public static readonly SearchVocabulary Experiments = new(
        new HashSet<SearchEntity> { SearchEntity.Attribute, SearchEntity.Tag },
        new HashSet<string> { "name", "lifecycle_stage" },
        new HashSet<string> { "experiment_id", "creation_time", "last_update_time" });

    public static readonly SearchVocabulary RegisteredModels = new(
        new HashSet<SearchEntity> { SearchEntity.Attribute, SearchEntity.Tag },
        new HashSet<string> { "name" },
        new HashSet<string> { "creation_timestamp", "last_updated_timestamp" });

    public static readonly SearchVocabulary ModelVersions = new(
        new HashSet<SearchEntity> { SearchEntity.Attribute, SearchEntity.Tag },
        new HashSet<string> { "name", "run_id", "source_path", "current_stage", "status" },
        new HashSet<string> { "version_number", "creation_timestamp", "last_updated_timestamp" });

    public bool IsNumeric(SearchKey key) => key.Entity == SearchEntity.Metric || (key.Entity == SearchEntity.Attribute && NumberAttributes.Contains(key.Name));

    public void Check(SearchKey key)
    {
        if (!Entities.Contains(key.Entity))
            throw MlflowApiException.Invalid($"Invalid search key '{key}': this search only understands {string.Join(", ", Entities.Select(e => e.ToString().ToLowerInvariant()))} keys");
        if (key.Entity == SearchEntity.Attribute && !TextAttributes.Contains(key.Name) && !NumberAttributes.Contains(key.Name))
            throw MlflowApiException.Invalid(
                $"Invalid attribute key '{key.Name}' specified. Valid keys are {string.Join(", ", TextAttributes.Concat(NumberAttributes).Order(StringComparer.Ordinal).Select(a => $"'{a}'"))}");
    }
}
