using System.Data;
using System.Data.Common;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>On PostgreSQL, while an analysis runs: its one repeatable-read transaction, which every read and write of the
    /// store takes part in (see <see cref="BeginAnalysis"/>); null otherwise.</summary>
    /// <summary>The advisory-lock key's prefix (the schema's name follows) that ingest batches hold shared and an analysis
    /// takes exclusively while it takes its snapshot (see <see cref="BeginAnalysis"/>).</summary>
    internal const string IngestBatchLockPrefix = "netan ingest batches ";

    private DbTransaction? _analysis;

    /// <summary>
    /// Begins what an analysis reads and writes in. On PostgreSQL: one repeatable-read transaction (its snapshot taken by the
    /// first statement), so ads, entities and mentions that ingest workers commit meanwhile are not seen at all, never half
    /// (an ad without some of its mentions), and the clusters, lineage and weak links it saves appear together at its commit;
    /// one analysis of the case at a time (a session advisory lock, taken before the snapshot, so a second one waits and then
    /// sees the first one's clusters). On a case file nothing changes: each part keeps its own transactions, as before
    /// (SQLite allows one writer, and the graph is read in one read transaction).
    /// </summary>
    internal AnalysisTransaction BeginAnalysis()
    {
        if (!IsPostgres)
        {
            return new AnalysisTransaction(this, null);
        }

        if (_analysis is not null)
        {
            throw new InvalidOperationException("an analysis is already running on this store");
        }

        Execute(_connection, "SELECT pg_advisory_lock(hashtextextended('netan analyze ' || current_schema(), 0));");
        // The fence: every ingest batch holds this lock shared for its transaction (PostgresIngestWriter.IngestBatchLockKey).
        // Taken exclusively here, it waits for the batches in flight to commit and holds new ones back until the snapshot is
        // taken; so every identity ID handed out before the snapshot is visible in it, and an ID above the analysis's
        // mentions_through is the only kind a later batch can write: the next incremental run misses nothing (a re-crawl's
        // new identifier of an ad already analysed included).
        Execute(_connection, "SELECT pg_advisory_lock(hashtextextended('" + IngestBatchLockPrefix + "' || current_schema(), 0));");
        try
        {
            _analysis = _connection.BeginTransaction(IsolationLevel.RepeatableRead);
            Execute(_connection, "SELECT 1;", _analysis); // takes the repeatable-read snapshot
        }
        catch
        {
            _analysis?.Dispose();
            _analysis = null;
            Execute(_connection, "SELECT pg_advisory_unlock(hashtextextended('netan analyze ' || current_schema(), 0));");
            throw;
        }
        finally
        {
            Execute(_connection, "SELECT pg_advisory_unlock(hashtextextended('" + IngestBatchLockPrefix + "' || current_schema(), 0));", _analysis);
        }

        return new AnalysisTransaction(this, _analysis);
    }

    /// <summary>A write transaction of the analysis's save: its own on a case file, the analysis's one on PostgreSQL (whose
    /// commit is then the analysis's).</summary>
    internal DbTransaction BeginWrite() => _analysis is null ? _connection.BeginTransaction() : new SharedTransaction(_analysis);

    /// <summary>Switches a case file's foreign-key checks (<c>PRAGMA foreign_keys</c>); a PostgreSQL case declares no foreign keys
    /// (see docs/postgresql.md), so there is nothing to switch.</summary>
    private void ForeignKeys(bool on)
    {
        if (!IsPostgres)
        {
            Execute(_connection, on ? "PRAGMA foreign_keys = ON;" : "PRAGMA foreign_keys = OFF;");
        }
    }

    /// <summary>The provider's transaction behind <paramref name="tx"/> (the analysis's, for a part of it).</summary>
    internal static DbTransaction? Unwrap(DbTransaction? tx) => tx is SharedTransaction shared ? shared.Inner : tx;

    /// <summary>The transaction <see cref="BeginAnalysis"/> returns: <see cref="Commit"/> at the end; disposing without it rolls
    /// everything back (PostgreSQL).</summary>
    internal sealed class AnalysisTransaction : IDisposable
    {
        private readonly CaseStore _store;
        private DbTransaction? _tx;

        internal AnalysisTransaction(CaseStore store, DbTransaction? tx)
        {
            _store = store;
            _tx = tx;
        }

        /// <summary>Commits the analysis (PostgreSQL); nothing on a case file, whose parts committed as they went.</summary>
        public void Commit()
        {
            if (_tx is null)
            {
                return;
            }

            _tx.Commit();
            End();
        }

        public void Dispose()
        {
            if (_tx is null)
            {
                return;
            }

            try
            {
                _tx.Rollback();
            }
            catch (Exception ex) when (CaseDialect.IsStoreError(ex) || ex is InvalidOperationException)
            {
                // A broken connection: the server rolled back already.
            }

            End();
        }

        private void End()
        {
            _tx!.Dispose();
            _tx = null;
            _store._analysis = null;
            try
            {
                Execute(_store._connection, "SELECT pg_advisory_unlock(hashtextextended('netan analyze ' || current_schema(), 0));");
            }
            catch (Exception ex) when (CaseDialect.IsStoreError(ex) || ex is InvalidOperationException)
            {
                // The server drops a session lock with its connection.
            }
        }
    }

    /// <summary>A part of the analysis's transaction: commits nothing (the analysis commits); a rollback is left to the
    /// analysis, which an exception ends.</summary>
    private sealed class SharedTransaction(DbTransaction inner) : DbTransaction
    {
        public DbTransaction Inner { get; } = inner;

        public override IsolationLevel IsolationLevel => Inner.IsolationLevel;

        protected override DbConnection? DbConnection => Inner.Connection;

        public override void Commit()
        {
        }

        public override void Rollback()
        {
        }
    }
}
