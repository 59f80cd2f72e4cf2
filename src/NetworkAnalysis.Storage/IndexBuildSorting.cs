using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NetworkAnalysis.Storage;

/// <summary>How a case connection has SQLite sort the keys of a large <c>CREATE INDEX</c> (#21, change 12): in small runs through
/// temporary files, with a sorter thread, instead of all at once in memory.</summary>
/// <remarks>
/// Every <see cref="CaseStore"/> connection has <c>temp_store = MEMORY</c>, with which SQLite's sorter never writes a run out: it
/// keeps all of an index's keys in one in-memory list and merge-sorts it at the end, chasing pointers across hundreds of MB,
/// without worker threads. With temporary files it sorts runs of at most the page cache's size (2 MB: in the CPU's cache) and
/// merges them, a worker thread sorting beside the table scan. sqlite3 on the tables of a 1M case: the ingest's four deferred
/// indexes 11.9 -> 5.4 CPU s; the analysis's <c>memberships_cluster</c> 2.02 -> 0.85 CPU s. The temporary files are SQLite's own
/// (unlinked as soon as opened, in <c>SQLITE_TMPDIR</c> or <c>/var/tmp</c>, <c>/usr/tmp</c>, <c>/tmp</c>); when they cannot be
/// written the callers build once more in memory, as before.
/// </remarks>
internal static class IndexBuildSorting
{
    /// <summary>The page cache, in KiB, while an index is built: also the size of each sorted run.</summary>
    internal const int CacheKib = 2_048;

    /// <summary>SQLite's auxiliary sorter threads: one core fewer than the machine has (at most 3).</summary>
    internal static int SorterThreads => Math.Clamp(Environment.ProcessorCount - 1, 0, 3);

    /// <summary>Whether <paramref name="ex"/> is a failure of the temporary files (an I/O error, a full disk, no temporary
    /// directory) after which the build is worth trying again in memory.</summary>
    internal static bool IsTemporaryStorageFailure(SqliteException ex) => ex.SqliteErrorCode is 10 or 13 or 14;

    /// <summary>Switches <paramref name="connection"/> (outside a transaction) to sorting through temporary files.</summary>
    internal static void ThroughFiles(DbConnection connection) =>
        CaseStore.Execute(connection, $"PRAGMA temp_store = FILE; PRAGMA threads = {SorterThreads.ToString(CultureInfo.InvariantCulture)};");

    /// <summary>Switches <paramref name="connection"/> back to the case connections' setting: in memory, no sorter threads.</summary>
    internal static void InMemory(DbConnection connection) => CaseStore.Execute(connection, "PRAGMA temp_store = MEMORY; PRAGMA threads = 0;");

    /// <summary>The connection's page cache setting (<c>PRAGMA cache_size</c>), to put back after a build.</summary>
    internal static long CacheSize(DbConnection connection, DbTransaction? tx = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "PRAGMA cache_size;";
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Sets the page cache to <paramref name="cacheSize"/> (<c>PRAGMA cache_size</c> units: negative is KiB).</summary>
    internal static void SetCacheSize(DbConnection connection, long cacheSize, DbTransaction? tx = null) =>
        CaseStore.Execute(connection, $"PRAGMA cache_size = {cacheSize.ToString(CultureInfo.InvariantCulture)};", tx);
}
