namespace NetworkAnalysis.Storage;

/// <summary>One cluster as listed by <c>netan clusters</c>.</summary>
/// <param name="Id">Stable cluster ID.</param>
/// <param name="Size">Number of ads.</param>
/// <param name="Phones">Distinct phone numbers.</param>
/// <param name="Emails">Distinct e-mail addresses.</param>
/// <param name="Entities">Distinct entities of any type.</param>
/// <param name="Cities">Cities, most ads first.</param>
/// <param name="FirstSeen">Earliest posting time (ISO 8601), if any ad has one.</param>
/// <param name="LastSeen">Latest posting time (ISO 8601), if any ad has one.</param>
public sealed record ClusterSummary(string Id, int Size, int Phones, int Emails, int Entities, IReadOnlyList<string> Cities, string? FirstSeen, string? LastSeen);
