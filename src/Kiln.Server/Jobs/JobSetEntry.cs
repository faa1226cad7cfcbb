namespace Kiln.Server.Jobs;

/// <summary>A member added to a set of job records; the score orders the set (a job's creation time).</summary>
readonly record struct JobSetEntry(string Set, string Member, double Score);
