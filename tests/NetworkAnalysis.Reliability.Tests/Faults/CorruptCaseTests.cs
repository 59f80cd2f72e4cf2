using Microsoft.Data.Sqlite;
using NetworkAnalysis.Reliability.Tests.Infrastructure;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Reliability.Tests.Faults;

/// <summary>Truncated, overwritten and foreign case files: detected on open with a clear message, reported and repaired by the doctor.</summary>
public sealed class CorruptCaseTests : IDisposable
{
    private const int Ads = 3_000;
    private readonly TempFolder _dir = new();
    private readonly string _corpus;
    private readonly string _healthy;

    public CorruptCaseTests()
    {
        _corpus = TestCorpus.Write(_dir.Path, Ads, seed: 21);
        _healthy = _dir.File("healthy.case");
        using var store = CaseStore.Open(_healthy, create: true);
        new CaseIngestor(store).Ingest(_corpus, new IngestOptions { BatchSize = 500 });
        new CaseAnalyzer(store).Analyze();
        store.AppendAudit("tester", "ingest", _corpus);
    }

    public void Dispose() => _dir.Dispose();

    private string Copy(string name)
    {
        var path = _dir.File(name);
        File.Copy(_healthy, path);
        return path;
    }

    private static void Truncate(string path, double fraction)
    {
        using var f = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        f.SetLength((long)(f.Length * fraction));
    }

    private static int RootPage(string path, string table)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = $n;";
        cmd.Parameters.AddWithValue("$n", table);
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void OverwritePage(string path, int page)
    {
        // SQLite numbers pages from 1; garbage over the whole page, as a failing disk would leave.
        using var f = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        const int pageSize = 4096;
        var junk = new byte[pageSize];
        new Random(page).NextBytes(junk);
        f.Position = (long)(page - 1) * pageSize;
        f.Write(junk);
    }

    private static void OverwritePages(string path, int pages, int seed)
    {
        // Garbage over whole pages in the middle of the file, as a failing disk or a bad copy would leave.
        var random = new Random(seed);
        using var f = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        const int pageSize = 4096;
        var count = (int)(f.Length / pageSize);
        var junk = new byte[pageSize];
        foreach (var page in Enumerable.Range(0, pages).Select(_ => random.Next(count / 4, count - 1)).Distinct())
        {
            random.NextBytes(junk);
            f.Position = (long)page * pageSize;
            f.Write(junk);
        }
    }

    [Fact]
    public void Examine_HealthyCase_ReportsHealthy()
    {
        var report = CaseDoctor.Examine(_healthy);

        report.Healthy.ShouldBeTrue(string.Join("; ", report.Findings.Select(f => f.Message)));
        report.TableRows["ads"].ShouldBe(Ads);
        report.Findings.ShouldContain(f => f.Check == "audit" && f.Message.Contains("intact: 1 entries"));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void Open_TruncatedCase_ThrowsSayingTruncated(double fraction)
    {
        // Given
        var path = Copy($"truncated-{fraction}.case");
        Truncate(path, fraction);

        // When
        var ex = Should.Throw<CaseStoreException>(() => CaseStore.Open(path));

        // Then
        ex.Message.ShouldContain("truncated");
        ex.Message.ShouldContain("netan doctor");
    }

    [Fact]
    public void Open_EmptyFile_ThrowsSayingEmpty()
    {
        var path = _dir.File("empty.case");
        File.WriteAllBytes(path, []);

        Should.Throw<CaseStoreException>(() => CaseStore.Open(path)).Message.ShouldContain("empty (0 bytes)");
    }

    [Fact]
    public void Open_HeaderOverwritten_ThrowsSayingNotSqlite()
    {
        var path = Copy("header.case");
        using (var f = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
        {
            f.Write(new byte[16]);
        }

        Should.Throw<CaseStoreException>(() => CaseStore.Open(path)).Message.ShouldContain("not a SQLite database");
    }

    [Fact]
    public void Open_TextFileAsCase_ThrowsSayingNotSqlite()
    {
        var path = _dir.Write("notes.case", "id,title\n1,hello\n");

        Should.Throw<CaseStoreException>(() => CaseStore.Open(path)).Message.ShouldContain("not a SQLite database");
    }

    [Fact]
    public void Open_OtherSqliteDatabase_ThrowsSayingNotACase()
    {
        var path = _dir.File("other.db");
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');";
            cmd.ExecuteNonQuery();
        }

        Should.Throw<CaseStoreException>(() => CaseStore.Open(path)).Message.ShouldContain("not a NetworkAnalysis case file");
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(12, 2)]
    [InlineData(40, 3)]
    public void Open_OverwrittenPages_ThrowsAndDoctorSalvages(int pages, int seed)
    {
        // Given
        var path = Copy($"pages-{pages}.case");
        OverwritePages(path, pages, seed);

        // When
        var open = Should.Throw<CaseStoreException>(() => CaseStore.Open(path));
        var report = CaseDoctor.Examine(path);
        var repair = CaseDoctor.Repair(path, path + ".repaired");

        // Then: detected, reported, and a copy that opens and passes its checks holds what was readable
        open.Message.ShouldContain("netan doctor");
        report.Damaged.ShouldBeTrue();
        report.Findings.ShouldContain(f => f.Severity == DoctorSeverity.Error && f.Check == "integrity");
        repair.IntegrityOk.ShouldBeTrue(string.Join("; ", repair.Notes));
        using var repaired = CaseStore.Open(repair.OutputPath);
        repaired.Counts().Ads.ShouldBeInRange(1, Ads);
        CaseDoctor.Examine(repair.OutputPath).Damaged.ShouldBeFalse();
    }

    [Fact]
    public async Task Open_LargeCaseDamagedInMentions_OpensWithoutReadingThemAndTheCommandThatDoesNamesDoctor()
    {
        // Given: the mentions table's root page overwritten; the case checked as a large one (bounded check on open)
        var path = Copy("large-mentions.case");
        OverwritePage(path, RootPage(path, "mentions"));
        CaseStore.WholeFileCheckBytesForTests.Value = 0;
        try
        {
            // When
            long ads;
            using (var store = CaseStore.Open(path))
            using (var count = store.Connection.CreateCommand())
            {
                count.CommandText = "SELECT count(*) FROM ads;";
                ads = Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            }

            var analyze = await InProcessCli.RunAsync("analyze", "--case", path, "--full");

            // Then: the open did not pay for pages it does not need, and the damage is named where it is met
            ads.ShouldBe(Ads);
            analyze.ExitCode.ShouldBe(1, analyze.All);
            analyze.Error.ShouldContain("netan doctor");
            analyze.Error.ShouldNotContain("   at ");
        }
        finally
        {
            CaseStore.WholeFileCheckBytesForTests.Value = null;
        }

        // A case file under the bound is checked whole on open, so the same damage is refused there.
        Should.Throw<CaseStoreException>(() => CaseStore.Open(path)).Message.ShouldContain("netan doctor");
        CaseDoctor.Examine(path).Findings.ShouldContain(f => f.Severity == DoctorSeverity.Error && f.Check == "integrity");
    }

    [Theory]
    [InlineData("meta")]
    [InlineData("sources")]
    [InlineData("audit")]
    public void Open_LargeCaseDamagedInATableEveryCommandReads_IsRefusedOnOpen(string table)
    {
        // Given
        var path = Copy($"large-{table}.case");
        OverwritePage(path, RootPage(path, table));
        CaseStore.WholeFileCheckBytesForTests.Value = 0;
        try
        {
            // When
            var open = Should.Throw<CaseStoreException>(() => CaseStore.Open(path));
            var readOnly = Should.Throw<CaseStoreException>(() => CaseStore.OpenReadOnly(path));

            // Then
            open.Message.ShouldContain("netan doctor");
            readOnly.Message.ShouldContain("netan doctor");
        }
        finally
        {
            CaseStore.WholeFileCheckBytesForTests.Value = null;
        }
    }

    [Fact]
    public void Repair_TruncatedCase_KeepsReadableRowsAndReingestRestoresEveryAd()
    {
        // Given: a case cut to 80% of its size (at 70% the cut fell just past the ads table's interior B-tree pages once
        // #21 made its rows smaller, leaving no ad reachable to salvage; see docs/ingest.md, change 5)
        var path = Copy("cut.case");
        Truncate(path, 0.8);
        var expectedAds = CaseContent.Hash(_healthy)["ads"];

        // When: repaired, then the original input ingested again into the copy
        var repair = CaseDoctor.Repair(path, path + ".repaired");
        long salvaged;
        using (var store = CaseStore.Open(repair.OutputPath))
        {
            salvaged = store.Counts().Ads;
            new CaseIngestor(store).Ingest(_corpus);
        }

        // Then
        repair.Method.ShouldBe("salvage");
        repair.IntegrityOk.ShouldBeTrue(string.Join("; ", repair.Notes));
        salvaged.ShouldBeInRange(1, Ads - 1);
        repair.Notes.ShouldContain(n => n.Contains("netan ingest"));
        CaseContent.Hash(repair.OutputPath)["ads"].ShouldBe(expectedAds);
        File.Exists(path).ShouldBeTrue();
    }

    [Fact]
    public void Repair_HealthyCase_CopiesEverythingByVacuum()
    {
        var repair = CaseDoctor.Repair(_healthy, _dir.File("copy.case"));

        repair.Method.ShouldBe("vacuum");
        repair.IntegrityOk.ShouldBeTrue();
        CaseContent.Hash(repair.OutputPath).ShouldBe(CaseContent.Hash(_healthy));
    }

    [Fact]
    public void Repair_OutputExists_RefusesToOverwrite()
    {
        var output = _dir.Write("exists.case", "keep me");

        Should.Throw<CaseStoreException>(() => CaseDoctor.Repair(_healthy, output)).Message.ShouldContain("already exists");
        File.ReadAllText(output).ShouldBe("keep me");
    }

    [Fact]
    public async Task Doctor_Cli_ReportsDamageAndRepairs()
    {
        // Given
        var path = Copy("cli.case");
        Truncate(path, 0.6);

        // When
        var examined = await InProcessCli.RunAsync("doctor", path);
        var repaired = await InProcessCli.RunAsync("doctor", path, "--repair");
        var again = await InProcessCli.RunAsync("doctor", path + ".repaired");
        var healthy = await InProcessCli.RunAsync("doctor", _healthy);
        var missing = await InProcessCli.RunAsync("doctor", _dir.File("nope.case"));

        // Then
        examined.ExitCode.ShouldBe(1);
        examined.Out.ShouldContain("ERROR   header: the file is truncated");
        examined.Out.ShouldContain("The case is damaged");
        repaired.ExitCode.ShouldBe(1);
        repaired.Out.ShouldContain("Repaired copy (salvage)");
        repaired.Out.ShouldContain("integrity ok");
        again.Out.ShouldContain("integrity: integrity_check: ok");
        again.Out.ShouldContain("audit chain intact");
        healthy.ExitCode.ShouldBe(0);
        healthy.Out.ShouldContain("The case is healthy.");
        missing.ExitCode.ShouldBe(2);
    }

    [Fact]
    public void Examine_OrphanedMentions_WarnsAboutReferences()
    {
        // Given: ads deleted behind the store's back, leaving their mentions pointing nowhere
        var path = Copy("orphans.case");
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA foreign_keys = OFF; DELETE FROM memberships WHERE ad <= 10; DELETE FROM ad_attributes WHERE ad <= 10; DELETE FROM ads WHERE id <= 10;";
            cmd.ExecuteNonQuery();
        }

        // When
        var report = CaseDoctor.Examine(path);
        var repair = CaseDoctor.Repair(path, path + ".repaired");

        // Then
        report.Findings.ShouldContain(f => f.Severity == DoctorSeverity.Warning && f.Check == "foreign-keys" && f.Message.Contains("mentions -> ads"));
        repair.OrphansRemoved.ShouldBeGreaterThan(0);
        repair.IntegrityOk.ShouldBeTrue();
    }

    [Fact]
    public void Repair_CaseMissingSomePhoneDetails_CopyDescribesThemAgainOnOpen()
    {
        // Given: stored phone details (#19) lost for some numbers while the case still says they are all stored
        var path = Copy("details.case");
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "DELETE FROM phone_details WHERE entity % 3 = 0;";
            cmd.ExecuteNonQuery().ShouldBeGreaterThan(0);
        }

        // When: repaired, and the copy opened read-write
        var repair = CaseDoctor.Repair(path, path + ".repaired");
        using (CaseStore.Open(repair.OutputPath))
        {
        }

        // Then: every phone has its row again, and the repair said why
        repair.Notes.ShouldContain(n => n.Contains("describes them again"));
        using var check = new SqliteConnection($"Data Source={repair.OutputPath};Pooling=False");
        check.Open();
        using var q = check.CreateCommand();
        q.CommandText = "SELECT count(*) FROM entities e WHERE e.type = 'phone' AND NOT EXISTS (SELECT 1 FROM phone_details d WHERE d.entity = e.id);";
        Convert.ToInt64(q.ExecuteScalar()).ShouldBe(0);
    }
}
