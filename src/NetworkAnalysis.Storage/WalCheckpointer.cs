using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace NetworkAnalysis.Storage;

/// <summary>Checkpoints a case's WAL on a thread of its own while an ingest writes (#21), so that the writer's commits only
/// append to the WAL and never copy it back into the case file nor wait for an fsync.</summary>
/// <remarks>
/// <para>
/// The writer's connection runs with <c>wal_autocheckpoint = 0</c> and calls <see cref="Committed"/> after each commit; this
/// thread then runs a PASSIVE checkpoint on its own connection: it copies the frames committed so far into the case file and
/// fsyncs both files (synchronous = NORMAL, as the writer's), while the writer goes on with its next transaction. Durability
/// is unchanged: commits are as durable as before (the WAL is the same), and a checkpoint moves only committed pages.
/// </para>
/// <para>
/// SQLite restarts the WAL from its beginning only when a write transaction starts with every frame already copied back. A
/// writer that never waits starts its next transaction before the checkpoint of its last commit ends, so the WAL would grow
/// for the whole ingest. <see cref="BeforeTransaction"/> bounds it: once the last checkpoint saw more than
/// <see cref="LimitFrames"/> frames, the writer waits for the checkpoint of its last commit to end, and its next transaction
/// restarts the WAL (unless a reader still uses an older snapshot, as with the writer's own checkpoints before).
/// </para>
/// </remarks>
internal sealed class WalCheckpointer : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly IDisposable _fileHandle;
    private readonly Thread _thread;
    private readonly object _gate = new();
    private readonly int _nice;
    private bool _pending;
    private bool _running;
    private bool _stopping;
    // Pages the writer committed since it last asked for a pass, and the WAL's size (frames): the pages committed since it last
    // restarted, or more if a pass saw more.
    private long _unchecked;
    private long _walFrames;

    /// <summary>Opens a second connection to the case at <paramref name="path"/> and starts the checkpointing thread at nice
    /// <paramref name="nice"/>: it checkpoints once the writer has committed <paramref name="passPages"/> pages since its last pass.</summary>
    public WalCheckpointer(string path, long passPages, long limitFrames, int nice)
    {
        PassPages = passPages;
        LimitFrames = limitFrames;
        _nice = nice;
        // Like every connection of this process to a case: registered, so that no descriptor on the file is closed under it.
        _fileHandle = CaseFileHandles.Acquire(path, create: false);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        try
        {
            _connection.Open();
            // A first read opens the connection's WAL, which a checkpoint needs.
            CaseStore.Execute(_connection, "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; SELECT count(*) FROM sqlite_master;");
        }
        catch
        {
            _connection.Dispose();
            _fileHandle.Dispose();
            throw;
        }
        _thread = new Thread(Run) { IsBackground = true, Name = "netan checkpoint" };
        _thread.Start();
    }

    /// <summary>Pages committed after which a checkpoint runs (as <c>wal_autocheckpoint</c> did on the writer).</summary>
    public long PassPages { get; }

    /// <summary>The WAL size, in frames (pages), beyond which the writer waits for a checkpoint so that the WAL restarts.</summary>
    public long LimitFrames { get; }

    /// <summary>Pages the writer committed, as told to <see cref="Committed"/>.</summary>
    public long PagesCommitted { get; private set; }

    /// <summary>Checkpoints run.</summary>
    public int Passes { get; private set; }

    /// <summary>Times the writer waited in <see cref="BeforeTransaction"/> for the WAL to restart.</summary>
    public int Restarts { get; private set; }

    /// <summary>The first error of a checkpoint (a full disk, say), if any; the writer's own next write reports it too.</summary>
    public SqliteException? Failure { get; private set; }

    /// <summary>Tells the thread that the writer committed <paramref name="pages"/> pages: it checkpoints once they add up to
    /// <see cref="PassPages"/>, or, once the WAL is past half of <see cref="LimitFrames"/>, at once when
    /// <paramref name="writerIdle"/> (the writer has nothing to write yet: a pass that ends before its next transaction lets that
    /// transaction restart the WAL without the writer waiting for it).</summary>
    public void Committed(long pages, bool writerIdle)
    {
        lock (_gate)
        {
            _unchecked += pages;
            _walFrames += pages;
            PagesCommitted += pages;
            // An idle writer gets a pass at once only when the WAL is half way to the limit: each pass rewrites the case file's
            // pages that every transaction touches (index roots, the tables' last pages), so passes are not run for nothing.
            if (_unchecked >= PassPages || (writerIdle && _unchecked > 0 && _walFrames >= LimitFrames / 2))
            {
                RequestLocked();
            }
        }
    }

    /// <summary>The pages the writer's connection has written since the last call (SQLite's <c>SQLITE_DBSTATUS_CACHE_WRITE</c>,
    /// reset on each read): in WAL mode, the frames its commits appended.</summary>
    public static long PagesWritten(SqliteConnection writer)
    {
        var rc = raw.sqlite3_db_status(writer.Handle, raw.SQLITE_DBSTATUS_CACHE_WRITE, out var current, out _, 1);
        return rc == raw.SQLITE_OK ? current : 0;
    }

    /// <summary>Called by the writer before it starts a transaction: if the WAL has outgrown <see cref="LimitFrames"/>, waits
    /// until every commit so far has been checkpointed, so that the transaction restarts the WAL. Returns whether it waited.</summary>
    public bool BeforeTransaction()
    {
        lock (_gate)
        {
            if (_walFrames <= LimitFrames)
            {
                return false;
            }

            if (_unchecked > 0)
            {
                RequestLocked();
            }

            WaitIdleLocked();
            _walFrames = 0;
            Restarts++;
            return true;
        }
    }

    /// <summary>Waits for the checkpoints asked for so far, then stops the thread and closes its connection. Pages committed since
    /// the last request are left to the writer's own checkpoints after the ingest (<c>wal_autocheckpoint</c>, and the store's
    /// close), as before: a small ingest runs no extra checkpoint.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            WaitIdleLocked();
            _stopping = true;
            Monitor.PulseAll(_gate);
        }

        _thread.Join();
        _connection.Dispose();
        _fileHandle.Dispose();
    }

    private void RequestLocked()
    {
        _unchecked = 0;
        _pending = true;
        Monitor.PulseAll(_gate);
    }

    private void WaitIdleLocked()
    {
        while (_pending || _running)
        {
            Monitor.Wait(_gate);
        }
    }

    private void Run()
    {
        ThreadNice.Lower(_nice);
        while (true)
        {
            lock (_gate)
            {
                while (!_pending && !_stopping)
                {
                    Monitor.Wait(_gate);
                }

                if (_stopping)
                {
                    return;
                }

                _pending = false;
                _running = true;
            }

            var frames = -1;
            try
            {
                // PASSIVE: copies what no reader still needs, never waits for the writer or readers (SQLITE_BUSY if another
                // checkpoint runs: then the next commit's pass catches up).
                var rc = raw.sqlite3_wal_checkpoint_v2(_connection.Handle, "main", raw.SQLITE_CHECKPOINT_PASSIVE, out var log, out _);
                if (rc == raw.SQLITE_OK)
                {
                    frames = log;
                }
                else if (rc != raw.SQLITE_BUSY)
                {
                    SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
                }
            }
            catch (SqliteException ex)
            {
                Failure ??= ex;
            }

            lock (_gate)
            {
                Passes++;
                if (frames >= 0)
                {
                    // The writer's count of its commits since the WAL last restarted is exact; a pass adds only what was in the WAL
                    // before the ingest started.
                    _walFrames = Math.Max(_walFrames, frames);
                }

                _running = false;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
