using Microsoft.Data.Sqlite;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

/// <summary>Checkpoints on a thread of their own while an ingest writes (#21, session 11): they keep up with the commits, the
/// WAL stays bounded although the writer never checkpoints itself, and nothing committed is lost.</summary>
public sealed class WalCheckpointerTests : IDisposable
{
    private const int PageSize = 4096;

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Committed_ManyTransactions_WalStaysBounded_AndEveryRowReachesTheCaseFile()
    {
        // Given: a case whose writer does not checkpoint, and a checkpointer that passes every 64 pages and restarts the WAL
        // once it is over 400 pages
        var path = _dir.File("c.case");
        using var store = CaseStore.Open(path, create: true);
        var writer = store.Connection;
        // The case's schema went through the WAL: start from an empty one, so its file's size is this test's high-water mark.
        CaseStore.Execute(writer, "PRAGMA wal_autocheckpoint = 0; CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB); PRAGMA wal_checkpoint(TRUNCATE);");
        new FileInfo(path + "-wal").Length.ShouldBe(0);
        long largestWal = 0;
        int passes, restarts;
        using (var checkpointer = new WalCheckpointer(path, passPages: 64, limitFrames: 400, nice: 0))
        {
            WalCheckpointer.PagesWritten(writer);

            // When: 60 transactions of ~50 pages each are committed, the writer asking before each whether to let the WAL restart
            for (var t = 0; t < 60; t++)
            {
                checkpointer.BeforeTransaction();
                using (var tx = writer.BeginTransaction())
                {
                    using var insert = writer.CreateCommand();
                    insert.Transaction = tx;
                    insert.CommandText = "INSERT INTO t(v) VALUES (randomblob(3000));";
                    for (var i = 0; i < 60; i++)
                    {
                        insert.ExecuteNonQuery();
                    }

                    tx.Commit();
                }

                checkpointer.Committed(WalCheckpointer.PagesWritten(writer), writerIdle: false);
                largestWal = Math.Max(largestWal, new FileInfo(path + "-wal").Length);
            }

            passes = checkpointer.Passes;
            restarts = checkpointer.Restarts;
            checkpointer.PagesCommitted.ShouldBeGreaterThan(60 * 45);
        }

        // Then: the checkpoints ran off the writer, the WAL restarted and never held much more than the limit plus a pass and a
        // transaction (without restarts it would hold all ~3,600 pages), and the case file itself, which only a checkpoint
        // writes while the writer's are off, holds most of the ~3,600 rows' pages; no row is lost
        passes.ShouldBeGreaterThan(10);
        restarts.ShouldBeGreaterThan(2);
        largestWal.ShouldBeLessThan((400 + 64 + 120) * (PageSize + 24) + 32);
        new FileInfo(path).Length.ShouldBeGreaterThan((60 * 60 - 200) * (long)PageSize);
        using (var count = writer.CreateCommand())
        {
            count.CommandText = "SELECT count(*) FROM t;";
            Convert.ToInt64(count.ExecuteScalar()).ShouldBe(60 * 60);
        }
    }

    [Fact]
    public void Committed_WriterIdle_PassRunsAtOnce_SoTheNextTransactionRestartsTheWal()
    {
        // Given: a checkpointer whose page threshold is never reached, and a WAL of a few pages, past half of its limit (4)
        var path = _dir.File("idle.case");
        using var store = CaseStore.Open(path, create: true);
        var writer = store.Connection;
        CaseStore.Execute(writer, "PRAGMA wal_autocheckpoint = 0; CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB); PRAGMA wal_checkpoint(TRUNCATE);");
        using var checkpointer = new WalCheckpointer(path, passPages: 1_000_000, limitFrames: 4, nice: 0);
        WalCheckpointer.PagesWritten(writer);
        CaseStore.Execute(writer, "INSERT INTO t(v) VALUES (randomblob(3000));");
        var caseBytes = new FileInfo(path).Length;

        // When: the writer commits one page while busy (no pass: below the threshold), then more while it has nothing more to
        // write for now
        checkpointer.Committed(WalCheckpointer.PagesWritten(writer), writerIdle: false);
        Thread.Sleep(200);
        checkpointer.Passes.ShouldBe(0);
        CaseStore.Execute(writer, "INSERT INTO t(v) SELECT randomblob(3000) FROM (SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3);");
        checkpointer.Committed(WalCheckpointer.PagesWritten(writer), writerIdle: true);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (checkpointer.Passes == 0 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        // Then: a pass ran without the threshold, and it copied the four rows' pages into the case file
        checkpointer.Passes.ShouldBe(1);
        new FileInfo(path).Length.ShouldBeGreaterThanOrEqualTo(caseBytes + (4 * PageSize));
    }
}
