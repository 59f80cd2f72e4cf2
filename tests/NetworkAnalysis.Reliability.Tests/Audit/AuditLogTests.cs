using Microsoft.Data.Sqlite;
using NetworkAnalysis.Reliability.Tests.Infrastructure;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Reliability.Tests.Audit;

public sealed class AuditLogTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string CaseWithEntries(int count)
    {
        var path = _dir.File("audit.case");
        var clock = new FakeTimeProvider();
        using var store = CaseStore.Open(path, create: true, time: clock);
        for (var i = 1; i <= count; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            store.AppendAudit(i % 2 == 0 ? "analyst-b" : "analyst-a", i % 3 == 0 ? "export" : "view", $"cluster-{i}", i == 2 ? "{\"redact\":true}" : null);
        }

        return path;
    }

    private static void Tamper(string path, string sql)
    {
        // Someone with the file and the sqlite3 tool: drops the append-only triggers, then edits.
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete; " + sql;
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public void AppendAudit_Entries_ChainEachToThePrevious()
    {
        // Given / When
        using var store = CaseStore.Open(CaseWithEntries(5));
        var entries = store.ReadAudit();

        // Then
        entries.Select(e => e.Sequence).ShouldBe([1L, 2, 3, 4, 5]);
        entries[0].PreviousHash.ShouldBe(AuditChain.Genesis);
        for (var i = 1; i < entries.Count; i++)
        {
            entries[i].PreviousHash.ShouldBe(entries[i - 1].Hash);
        }

        entries[1].Details.ShouldBe("{\"redact\":true}");
        entries[0].At.ShouldBe("2026-01-01T00:01:00.000Z");
        store.VerifyAudit().ShouldBe(new AuditVerification(5, entries[4].Hash, null, null));
    }

    [Fact]
    public void AppendAudit_UpdateOrDeleteThroughSqlite_IsRefused()
    {
        using var store = CaseStore.Open(CaseWithEntries(2));
        using var c = new SqliteConnection($"Data Source={store.Path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();

        cmd.CommandText = "UPDATE audit SET actor = 'mallory' WHERE seq = 1;";
        Should.Throw<SqliteException>(() => cmd.ExecuteNonQuery()).Message.ShouldContain("append-only");
        cmd.CommandText = "DELETE FROM audit WHERE seq = 2;";
        Should.Throw<SqliteException>(() => cmd.ExecuteNonQuery()).Message.ShouldContain("append-only");
    }

    [Theory]
    [InlineData("UPDATE audit SET actor = 'mallory' WHERE seq = 3;", 3, "altered")]
    [InlineData("UPDATE audit SET target = 'cluster-x', details = NULL WHERE seq = 1;", 1, "altered")]
    [InlineData("UPDATE audit SET at = '2025-12-31T00:00:00.000Z' WHERE seq = 4;", 4, "altered")]
    [InlineData("DELETE FROM audit WHERE seq = 2;", 2, "missing")]
    [InlineData("DELETE FROM audit WHERE seq = 2; UPDATE audit SET seq = seq - 1 WHERE seq > 2;", 2, "does not follow")]
    [InlineData("UPDATE audit SET hash = 'x' || substr(hash, 2) WHERE seq = 5;", 5, "altered")]
    public void VerifyAudit_TamperedEntry_ReportsFirstBrokenLink(string sql, long expectedBroken, string expectedWord)
    {
        // Given: a chain of six entries, tampered
        var path = CaseWithEntries(6);
        Tamper(path, sql);

        // When
        using var store = CaseStore.Open(path);
        var result = store.VerifyAudit();

        // Then
        result.IsIntact.ShouldBeFalse();
        result.FirstBrokenSequence.ShouldBe(expectedBroken);
        result.Problem!.ShouldContain(expectedWord);
    }

    [Fact]
    public void VerifyAudit_TailRemovedAndHeadWrittenDown_ReportsTruncation()
    {
        // Given: the analyst wrote down the head hash; then the last entry is removed
        var path = CaseWithEntries(4);
        string head;
        using (var store = CaseStore.Open(path))
        {
            head = store.VerifyAudit().HeadHash!;
        }

        Tamper(path, "DELETE FROM audit WHERE seq = 4;");

        // When
        using var reopened = CaseStore.Open(path);
        var withoutHead = reopened.VerifyAudit();
        var withHead = reopened.VerifyAudit(head);

        // Then: the chain alone cannot see a cut tail, but the entry count the case keeps beside it can; so can the head
        withoutHead.IsIntact.ShouldBeFalse();
        withoutHead.Problem!.ShouldContain("recorded 4 audit entries but the log holds 3");
        withHead.IsIntact.ShouldBeFalse();
    }

    [Fact]
    public void AuditTableDropped_IsReportedByAuditVerifyAndDoctor()
    {
        // Given: a case with work and audit entries, whose audit table is then dropped with the sqlite3 tool
        var path = CaseWithEntries(3);
        Tamper(path, "DROP TABLE audit;");

        // When: doctor examines it as it is, and again after a netan command has opened it (which recreates an empty table)
        var dropped = CaseDoctor.Examine(path);
        AuditVerification verified;
        using (var reopened = CaseStore.Open(path))
        {
            verified = reopened.VerifyAudit();
        }

        var emptied = CaseDoctor.Examine(path);

        // Then: neither calls the case healthy, and audit verify names the missing entries
        dropped.Healthy.ShouldBeFalse();
        dropped.Findings.ShouldContain(f => f.Check == "audit" && f.Severity == DoctorSeverity.Error);
        verified.IsIntact.ShouldBeFalse();
        verified.Problem!.ShouldContain("dropped");
        emptied.Findings.ShouldContain(f => f.Check == "audit" && f.Severity == DoctorSeverity.Error && f.Message.Contains("recorded 3", StringComparison.Ordinal));
    }

    [Fact]
    public void AuditChain_FieldsThatLookLikeSeparators_DoNotCollide()
    {
        // Given: two entries whose naive concatenations would be equal
        var a = AuditChain.Hash(AuditChain.Genesis, 1, "t", "ann", "view\nx", "y", null);
        var b = AuditChain.Hash(AuditChain.Genesis, 1, "t", "ann", "view", "x\ny", null);
        var c = AuditChain.Hash(AuditChain.Genesis, 1, "t", "ann", "view", "x\ny", "");

        // Then
        a.ShouldNotBe(b);
        b.ShouldNotBe(c);
    }

    [Fact]
    public async Task AuditVerify_Cli_ExitsOneAndNamesTheEntry()
    {
        // Given: entries written by CLI commands, then one altered
        var corpus = TestCorpus.Write(_dir.Path, 200, seed: 5);
        var path = _dir.File("cli.case");
        (await InProcessCli.RunAsync("-c", path, "-q", "--analyst", "Det. Example", "ingest", corpus)).ExitCode.ShouldBe(0);
        (await InProcessCli.RunAsync("-c", path, "-q", "analyze")).ExitCode.ShouldBe(0);
        var intact = await InProcessCli.RunAsync("-c", path, "audit", "verify");
        var shown = await InProcessCli.RunAsync("-c", path, "--json", "audit", "show");
        Tamper(path, "UPDATE audit SET actor = 'someone else' WHERE seq = 1;");

        // When
        var broken = await InProcessCli.RunAsync("-c", path, "audit", "verify");

        // Then
        intact.ExitCode.ShouldBe(0);
        intact.Out.ShouldContain("intact: 2 entries");
        shown.Out.ShouldContain("\"actor\":\"Det. Example\"");
        shown.Out.ShouldContain("\"action\":\"analyze\"");
        broken.ExitCode.ShouldBe(1);
        broken.Error.ShouldContain("BROKEN at entry 1");
    }

    [Fact]
    public void AppendAudit_TwoProcessesAppendingAtOnce_KeepOneChain()
    {
        // Given: two connections (as two processes would have) appending in parallel
        var path = CaseWithEntries(1);
        void Append(string actor)
        {
            using var store = CaseStore.Open(path);
            for (var i = 0; i < 50; i++)
            {
                store.AppendAudit(actor, "view", "cluster-" + i);
            }
        }

        // When
        Parallel.Invoke(() => Append("a"), () => Append("b"));

        // Then
        using var check = CaseStore.Open(path);
        var result = check.VerifyAudit();
        result.IsIntact.ShouldBeTrue(result.Problem);
        result.Entries.ShouldBe(101);
    }

    [Fact]
    public async Task RefusedIngest_WhileAnotherHoldsTheLock_LeavesNoAuditEntryOrRun()
    {
        // Given: an ingested case, and another ingest holding the case's lock (an exclusive lock on the lock file, as a
        // second process holds it)
        var corpus = TestCorpus.Write(_dir.Path, 40, seed: 5);
        var path = _dir.File("locked.case");
        (await InProcessCli.RunAsync("-c", path, "-q", "ingest", corpus)).ExitCode.ShouldBe(0);
        long auditBefore, runsBefore;
        using (var store = CaseStore.Open(path))
        {
            auditBefore = store.ReadAudit().Count;
            runsBefore = Runs(path);
        }

        using var held = new FileStream(Path.GetFullPath(path) + ".ingest-lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        // When: a second ingest is refused
        var refused = await InProcessCli.RunAsync("-c", path, "-q", "--analyst", "Det. Second", "ingest", corpus);

        // Then: it says so in one line, and the case records no ingest that did not happen
        refused.ExitCode.ShouldBe(1, refused.All);
        refused.Error.Trim().Split('\n').Length.ShouldBe(1, refused.Error);
        refused.Error.ShouldContain("another `netan ingest` is writing");
        using var after = CaseStore.OpenReadOnly(path);
        after.ReadAudit().Count.ShouldBe((int)auditBefore, "a refused ingest must not claim in the audit log that it ran");
        after.ReadAudit().ShouldNotContain(e => e.Actor == "Det. Second");
        Runs(path).ShouldBe(runsBefore);
    }

    private static long Runs(string path)
    {
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM runs;";
        return (long)cmd.ExecuteScalar()!;
    }
}
