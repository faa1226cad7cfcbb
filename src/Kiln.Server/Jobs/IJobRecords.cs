namespace Kiln.Server.Jobs;

/// <summary>
/// Where training jobs' records are kept: named hashes of fields and named sets of members, the shapes Hangfire's storage
/// offers, so the same records live in PostgreSQL's shared queue storage or, on the embedded store, in a SQLite file.
/// </summary>
interface IJobRecords
{
    /// <summary>Writes a new hash and adds its members to sets, all at once or not at all.</summary>
    void Create(string key, IReadOnlyDictionary<string, string> fields, IReadOnlyList<JobSetEntry> entries);

    /// <summary>Sets these fields of the hash, leaving its other fields as they are.</summary>
    void Write(string key, IReadOnlyList<KeyValuePair<string, string>> fields);

    /// <summary>Every field of the hash; empty when there is no such hash.</summary>
    IReadOnlyDictionary<string, string> Read(string key);

    IReadOnlyCollection<string> Members(string set);
}
