using NetworkAnalysis.Storage;
using Parquet;
using Parquet.Schema;

namespace NetworkAnalysis.Reporting.Tables;

/// <summary>Writes a case as one Parquet file per table (<c>ads.parquet</c>, <c>entities.parquet</c>, …) with Parquet.Net,
/// so Python (pandas/pyarrow), R (arrow) and DuckDB open a case in one line.</summary>
/// <remarks>
/// Columns are those of <see cref="CaseStore.TableColumns"/>: UTF-8 strings, nullable INT64, DOUBLE and BOOLEAN. One
/// row group per <see cref="BatchRows"/> rows, so memory stays bounded on a large case. Ad text is written as it was
/// posted (hostile); Parquet carries no formulas, but a consumer that renders it must still escape it.
/// </remarks>
public static class CaseParquetExporter
{
    /// <summary>The format name for <c>netan export --format</c>.</summary>
    public const string Format = "parquet";

    /// <summary>Rows per row group.</summary>
    public const int BatchRows = 100_000;

    /// <summary>Writes every table of <see cref="CaseStore.TableNames"/> to <paramref name="directory"/>.</summary>
    /// <param name="store">An open case.</param>
    /// <param name="directory">Output folder (created).</param>
    /// <param name="clusterId">Only this cluster's rows, or null for the whole case.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The files written, in table order.</returns>
    public static async Task<IReadOnlyList<string>> ExportAsync(CaseStore store, string directory, string? clusterId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        foreach (var table in CaseStore.TableNames)
        {
            var path = Path.Combine(directory, table + ".parquet");
            await WriteTableAsync(store.ReadTable(table, clusterId, BatchRows, ct), CaseStore.TableColumns(table), path, ct);
            files.Add(path);
        }

        return files;
    }

    /// <summary>The Parquet field of a case column.</summary>
    public static DataField Field(CaseColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Type switch
        {
            CaseColumnType.Int64 => new DataField<long?>(column.Name),
            CaseColumnType.Double => new DataField<double?>(column.Name),
            CaseColumnType.Boolean => new DataField<bool?>(column.Name),
            _ => new DataField<string>(column.Name, true),
        };
    }

    private static async Task WriteTableAsync(IEnumerable<CaseTableBatch> batches, IReadOnlyList<CaseColumn> columns, string path, CancellationToken ct)
    {
        var fields = columns.Select(Field).ToArray();
        var schema = new ParquetSchema(fields);
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, cancellationToken: ct);
        foreach (var batch in batches)
        {
            if (batch.Rows == 0)
            {
                continue;
            }

            using var group = writer.CreateRowGroup();
            for (var i = 0; i < fields.Length; i++)
            {
                ct.ThrowIfCancellationRequested();
                switch (columns[i].Type)
                {
                    case CaseColumnType.Int64:
                        await group.WriteAsync(fields[i], new ReadOnlyMemory<long?>((long?[])batch.Values[i]), cancellationToken: ct);
                        break;
                    case CaseColumnType.Double:
                        await group.WriteAsync(fields[i], new ReadOnlyMemory<double?>((double?[])batch.Values[i]), cancellationToken: ct);
                        break;
                    case CaseColumnType.Boolean:
                        await group.WriteAsync(fields[i], new ReadOnlyMemory<bool?>((bool?[])batch.Values[i]), cancellationToken: ct);
                        break;
                    default:
                        await group.WriteAsync(fields[i], (string?[])batch.Values[i]);
                        break;
                }
            }
        }
    }
}
