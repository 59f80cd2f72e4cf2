using System.Diagnostics;
using NetworkAnalysis.Storage.Postgres;

namespace NetworkAnalysis.Storage.Copy;

/// <summary>Copies a case between stores: a case file to PostgreSQL, PostgreSQL to a new case file, or file to file.</summary>
/// <remarks>
/// Generic over the case schema: the tables, columns, keys and indexes are read from the source (a case file's own
/// schema; a PostgreSQL copy's catalog and the SQLite schema recorded beside it), so tables added later are copied without
/// code changes. Column types map INTEGER→bigint, REAL→double precision, TEXT→text, BLOB→bytea; rows go to PostgreSQL by
/// binary COPY. The source is read in one snapshot and hashed as it is read (<see cref="CaseContentHash"/>); the target is
/// hashed by reading it back, and kept only when the two agree.
/// </remarks>
public static class CaseCopier
{
    /// <summary>Copies <paramref name="from"/> to <paramref name="to"/> (each a case file path or a postgresql:// locator).</summary>
    /// <param name="from">The source case.</param>
    /// <param name="to">The target: a new case file, or a PostgreSQL schema without tables.</param>
    /// <param name="force">Replace a target that exists (a case file) or has tables (a PostgreSQL schema).</param>
    /// <param name="beforeCopy">Called after the target was checked and before the source is read (the CLI audits here,
    /// so the entry is part of what is copied).</param>
    /// <param name="progress">Per table, a line such as "ads: 100,000 rows".</param>
    /// <param name="ct">Cancellation; a cancelled copy leaves no target.</param>
    /// <returns>Both hashes; when they differ the target was not kept.</returns>
    /// <exception cref="CaseStoreException">A store cannot be opened, the target is not empty, or a value cannot be copied.</exception>
    public static CaseCopyResult Copy(string from, string to, bool force = false, Action? beforeCopy = null, Action<string>? progress = null, CancellationToken ct = default) =>
        Copy(from, to, force, beforeCopy, progress, alterRow: null, ct);

    /// <summary>As the public overload; <paramref name="alterRow"/> changes rows between reading and writing (tests of the verification).</summary>
    internal static CaseCopyResult Copy(string from, string to, bool force, Action? beforeCopy, Action<string>? progress, Func<CopyTable, object?[], object?[]>? alterRow, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(from);
        ArgumentException.ThrowIfNullOrEmpty(to);
        var source = PostgresCaseLocator.IsLocator(from) ? PostgresCaseLocator.Parse(from) : null;
        var target = PostgresCaseLocator.IsLocator(to) ? PostgresCaseLocator.Parse(to) : null;
        var shownFrom = source?.ToString() ?? from;
        var shownTo = target?.ToString() ?? to;
        if (source is null && target is null
            ? string.Equals(Path.GetFullPath(from), Path.GetFullPath(to), StringComparison.Ordinal)
            : string.Equals(shownFrom, shownTo, StringComparison.Ordinal))
        {
            throw new CaseStoreException($"the source and the target are the same case ({shownFrom})");
        }

        if (source is null && !File.Exists(from))
        {
            throw new CaseStoreException($"case file not found: {from}");
        }

        var clock = Stopwatch.StartNew();
        using ICaseTableTarget writer = target is not null ? new PostgresCaseTarget(target, force) : new SqliteCaseTarget(to, force);
        beforeCopy?.Invoke();
        using ICaseTableSource reader = source is not null ? PostgresTableSource.Open(source) : SqliteTableSource.Open(from);
        writer.Create(reader);
        using var hasher = new CaseContentHash.Hasher();
        long rows = 0;
        foreach (var table in reader.Tables)
        {
            ct.ThrowIfCancellationRequested();
            hasher.Table(table);
            var copied = writer.Insert(table, Hashed(table), ct);
            rows += copied;
            progress?.Invoke($"{table.Name}: {copied:N0} rows");
        }

        writer.Finish(reader);
        var sourceHash = hasher.Finish();
        ct.ThrowIfCancellationRequested();
        var targetHash = writer.Hash(ct);
        var result = new CaseCopyResult(shownFrom, shownTo, sourceHash, targetHash, reader.Tables.Count, rows, clock.Elapsed);
        if (result.Verified)
        {
            writer.Commit();
        }

        return result;

        IEnumerable<object?[]> Hashed(CopyTable table)
        {
            foreach (var row in reader.ReadRows(table, ct))
            {
                hasher.Row(row);
                yield return alterRow is null ? row : alterRow(table, row);
            }
        }
    }
}
