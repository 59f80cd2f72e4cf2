namespace NetworkAnalysis.Storage;

/// <summary>A column of a case table (see <see cref="CaseStore.ReadTable"/>).</summary>
/// <param name="Name">Snake-case column name, stable across versions.</param>
/// <param name="Type">Value type.</param>
public sealed record CaseColumn(string Name, CaseColumnType Type);
