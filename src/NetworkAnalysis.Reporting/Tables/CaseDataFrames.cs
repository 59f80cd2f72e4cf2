using Microsoft.Data.Analysis;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Reporting.Tables;

/// <summary>A case as Microsoft.Data.Analysis <see cref="DataFrame"/>s for analysts: ads, entities, mentions, clusters, scores, weak links.</summary>
/// <remarks>
/// One frame per table of <see cref="CaseStore.TableNames"/>, with the columns of <see cref="CaseStore.TableColumns"/>
/// (string, nullable Int64, Double and Boolean columns), rows in the store's stable order. The frames are held in
/// memory: for a whole large case prefer <c>netan export --format parquet</c> and a columnar engine.
/// </remarks>
public static class CaseDataFrames
{
    /// <summary>One table of the case as a DataFrame.</summary>
    /// <param name="store">An open case.</param>
    /// <param name="table">One of <see cref="CaseStore.TableNames"/>.</param>
    /// <param name="clusterId">Only this cluster's rows, or null for the whole case.</param>
    /// <param name="ct">Cancellation.</param>
    /// <exception cref="ArgumentException">Unknown table.</exception>
    public static DataFrame Load(CaseStore store, string table, string? clusterId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var columns = CaseStore.TableColumns(table);
        var values = columns.Select(_ => new List<Array>()).ToArray();
        foreach (var batch in store.ReadTable(table, clusterId, ct: ct))
        {
            for (var i = 0; i < columns.Count; i++)
            {
                values[i].Add(batch.Values[i]);
            }
        }

        return new DataFrame(columns.Select((c, i) => Column(c, values[i])));
    }

    /// <summary>Every table of the case, by name.</summary>
    /// <param name="store">An open case.</param>
    /// <param name="clusterId">Only this cluster's rows, or null for the whole case.</param>
    /// <param name="ct">Cancellation.</param>
    public static IReadOnlyDictionary<string, DataFrame> LoadAll(CaseStore store, string? clusterId = null, CancellationToken ct = default)
        => CaseStore.TableNames.ToDictionary(t => t, t => Load(store, t, clusterId, ct), StringComparer.Ordinal);

    private static DataFrameColumn Column(CaseColumn column, List<Array> parts) => column.Type switch
    {
        CaseColumnType.Int64 => new Int64DataFrameColumn(column.Name, parts.SelectMany(p => (long?[])p)),
        CaseColumnType.Double => new DoubleDataFrameColumn(column.Name, parts.SelectMany(p => (double?[])p)),
        CaseColumnType.Boolean => new BooleanDataFrameColumn(column.Name, parts.SelectMany(p => (bool?[])p)),
        _ => new StringDataFrameColumn(column.Name, parts.SelectMany(p => (string?[])p)),
    };
}
