namespace NetworkAnalysis.Storage;

/// <summary>Up to a batch's worth of rows of one case table, column by column.</summary>
/// <param name="Table">Table name (one of <see cref="CaseStore.TableNames"/>).</param>
/// <param name="Columns">The columns, in order.</param>
/// <param name="Values">One array per column, <see cref="Rows"/> long: <c>long?[]</c>, <c>double?[]</c>, <c>bool?[]</c> or <c>string?[]</c> by <see cref="CaseColumn.Type"/>.</param>
/// <param name="Rows">Number of rows in the batch.</param>
public sealed record CaseTableBatch(string Table, IReadOnlyList<CaseColumn> Columns, IReadOnlyList<Array> Values, int Rows);
