using Microsoft.Data.Sqlite;
using Npgsql;
using NetworkAnalysis.Storage.Copy;
using NetworkAnalysis.Storage.Postgres;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests.Copy;

public sealed class CaseCopierTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Analysed(string name = "a.case")
    {
        var file = _dir.Write(name + ".jsonl", string.Join('\n',
            """{"id":"1","city":"Reno","price":120.5,"body":"call (702) 555-0142, =HYPERLINK(\"x\") <b>hi</b> ünïcødé 🙂"}""",
            """{"id":"2","body":"text 702.555.0142 or amy@example.com"}""",
            """{"id":"3","body":"amy@example.com"}""",
            """{"id":"4","age":24,"body":"nothing"}""",
            """{"id":"5","body":"nothing either"}"""));
        var path = _dir.File(name);
        using var store = CaseStore.Open(path, create: true);
        new CaseIngestor(store).Ingest(file);
        new CaseAnalyzer(store).Analyze();
        store.AppendAudit("tester", "view", "cluster");
        return path;
    }

    /// <summary>A table no version of CaseSchema has (as another branch may add), one without a primary key, every type and nulls.</summary>
    private static void AddForeignTables(string path)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            CREATE TABLE decisions_x (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, payload BLOB, weight REAL, note TEXT);
            CREATE INDEX decisions_x_kind ON decisions_x(kind, weight DESC);
            INSERT INTO decisions_x VALUES (1, 'merge', x'00ff10', -0.0, NULL), (2, 'split', NULL, 1e300, 'a "quoted" note'), (3, 'hub', x'', 2.5, '');
            CREATE TABLE notes_x (who TEXT, body TEXT);
            INSERT INTO notes_x VALUES ('b', 'second'), ('a', 'first'), (NULL, 'third');
            """;
        cmd.ExecuteNonQuery();
    }

    [SkippableFact]
    public void SqliteToPostgresAndBack_EveryHashAgrees_AndUnknownTablesTravelToo()
    {
        // Given: an analysed case with analysts' decisions (one undone) and two tables this code has never heard of
        var original = Analysed();
        string decisions;
        using (var store = CaseStore.Open(original))
        {
            store.DecideNotSame("1", "3", "different women in the photos", "J. Doe");
            store.UndoDecision(store.DecideHub("phone:+17025550142", "booking line", "J. Doe").Id, "A. Roe");
            decisions = Decisions(store);
        }

        AddForeignTables(original);
        Prerequisite.RequirePostgres();
        var remote = database.Schema();
        var back = _dir.File("back.case");

        // When
        var up = CaseCopier.Copy(original, remote);
        var down = CaseCopier.Copy(remote, back);

        // Then
        up.Verified.ShouldBeTrue();
        down.Verified.ShouldBeTrue();
        var hash = CaseContentHash.Compute(original);
        up.SourceHash.ShouldBe(hash);
        up.TargetHash.ShouldBe(hash);
        CaseContentHash.Compute(remote).ShouldBe(hash);
        down.TargetHash.ShouldBe(hash);
        CaseContentHash.Compute(back).ShouldBe(hash);
        up.Rows.ShouldBe(down.Rows);
        using (var copy = CaseStore.Open(back))
        {
            copy.VerifyAudit().IsIntact.ShouldBeTrue();
            copy.LoadAnalysis().ShouldNotBeNull();
            Decisions(copy).ShouldBe(decisions);
            copy.ListDecisions().Count.ShouldBe(2);
        }

        Rows(back, "SELECT id, kind, hex(payload), weight, note FROM decisions_x ORDER BY id").ShouldBe(Rows(original, "SELECT id, kind, hex(payload), weight, note FROM decisions_x ORDER BY id"));
        Rows(back, "SELECT rowid, who, body FROM notes_x ORDER BY rowid").ShouldBe(["1|b|second", "2|a|first", "3||third"]);
        Rows(back, "SELECT sql FROM sqlite_schema WHERE name = 'decisions_x_kind'").ShouldBe(["CREATE INDEX decisions_x_kind ON decisions_x(kind, weight DESC)"]);
        using var pg = new NpgsqlConnection(PostgresCaseLocator.Parse(remote).ConnectionString());
        pg.Open();
        using var types = new NpgsqlCommand("SELECT string_agg(column_name || ':' || data_type, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'decisions_x';", pg);
        types.ExecuteScalar().ShouldBe("id:bigint,kind:text,payload:bytea,weight:double precision,note:text");
    }

    [SkippableFact]
    public void TeamTables_TravelToPostgresAndBack_AndTheCopyStillKnowsItsUsersAndSignOffs()
    {
        // Given a team case: an account with a password, one invited, a signed-off referral, a comment and a challenge
        var original = Analysed("team.case");
        string cluster, pending;
        using (var store = CaseStore.Open(original))
        {
            cluster = store.Memberships().Single(m => m.AdKey == "1").ClusterId!;
            store.RedeemInvitation(store.AddUser("ana", CaseUserRole.Analyst, "boss").Token, "AQAAAAIAAYagAAAAEhashed");
            pending = store.AddUser("rita", CaseUserRole.Reviewer, "boss").Token;
            store.SignOffReferral(cluster, "rita", "fine");
            var d = store.DecideNotSame("1", "2", "different women", "ana");
            store.AddComment(cluster, "check it", "rita");
            store.AddComment(cluster, "same photos", "rita", d.Id);
        }

        Prerequisite.RequirePostgres();
        var remote = database.Schema();
        var back = _dir.File("team-back.case");

        // When
        CaseCopier.Copy(original, remote).Verified.ShouldBeTrue();
        CaseCopier.Copy(remote, back).Verified.ShouldBeTrue();

        // Then the copy is a team case with the same accounts, sign-off (changed since, by the decision) and comments
        using var copy = CaseStore.Open(back);
        copy.HasUsers().ShouldBeTrue();
        copy.ListUsers().Select(u => (u.Name, u.RoleName, u.HasPassword)).ShouldBe([("ana", "analyst", true), ("rita", "reviewer", false)]);
        copy.PasswordHashOf(copy.FindUser("ana")!.Id).ShouldBe("AQAAAAIAAYagAAAAEhashed");
        var state = copy.SignOffState(cluster);
        state.Versions.ShouldHaveSingleItem().Who.ShouldBe("rita");
        state.ChangedSinceSignOff.ShouldBeTrue();
        copy.Comments(cluster).Select(c => (c.Kind, c.DecisionId)).ShouldBe([("comment", (long?)null), ("challenge", 1L)]);
        copy.RedeemInvitation(pending, "AQAAAAIAAYagAAAAEother").Name.ShouldBe("rita");
    }

    [SkippableFact]
    public void Copy_ThroughTheUnixSocket_WhenTheHostIsAFolder()
    {
        // Given: the locator's host is the server's socket folder, percent-encoded
        var original = Analysed();
        var server = Prerequisite.RequirePostgres();
        var tcp = PostgresCaseLocator.Parse(database.Schema());
        var socket = $"postgresql://{tcp.User}@{Uri.EscapeDataString(server.Root)}:{tcp.Port}/{tcp.Database}?schema={tcp.Schema}";
        PostgresCaseLocator.Parse(socket).Host.ShouldBe(server.Root);

        // When
        var result = CaseCopier.Copy(original, socket);

        // Then: the copy went there, and reads the same over TCP
        result.Verified.ShouldBeTrue();
        CaseContentHash.Compute(tcp.ToString()).ShouldBe(CaseContentHash.Compute(original));
    }

    [SkippableFact]
    public void Copy_TextWithANulCharacter_RefusedByName_AndNoTarget()
    {
        // Given: a text value PostgreSQL cannot store
        var original = Analysed();
        using (var c = new SqliteConnection($"Data Source={original};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "INSERT INTO meta(key, value) VALUES ('zz_note', 'a' || char(0) || 'b');";
            cmd.ExecuteNonQuery();
        }

        Prerequisite.RequirePostgres();
        var target = database.Schema();

        // When
        var ex = Should.Throw<CaseStoreException>(() => CaseCopier.Copy(original, target));

        // Then
        ex.Message.ShouldStartWith("table meta, row ");
        ex.Message.ShouldContain("column value holds a NUL character");
        AssertNoCase(target);
    }

    [Fact]
    public void Hash_OneValueChanged_Differs()
    {
        // Given: a file-to-file copy, whose hash equals the original's
        var original = Analysed();
        var copy = _dir.File("copy.case");
        CaseCopier.Copy(original, copy).Verified.ShouldBeTrue();
        var before = CaseContentHash.Compute(copy);
        before.ShouldBe(CaseContentHash.Compute(original));

        // When: one city changes in the copy
        using (var c = new SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE ads SET city = 'Elko' WHERE ad_id = '1';";
            cmd.ExecuteNonQuery().ShouldBe(1);
        }

        // Then
        CaseContentHash.Compute(copy).ShouldNotBe(before);
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public void Copy_ARowChangedOnTheWay_FailsVerification_AndKeepsNoTarget(bool toPostgres)
    {
        // Given
        var original = Analysed();
        if (toPostgres)
        {
            Prerequisite.RequirePostgres();
        }

        var target = toPostgres ? database.Schema() : _dir.File("bad.case");

        // When: the writer receives one ad with a different city from what the source hash read
        var result = CaseCopier.Copy(original, target, force: false, beforeCopy: null, progress: null,
            alterRow: (table, row) => table.Name == "ads" && row[0] is 2L ? [.. row.Take(7), "Elsewhere", .. row.Skip(8)] : row, CancellationToken.None);

        // Then
        result.Verified.ShouldBeFalse();
        result.SourceHash.ShouldBe(CaseContentHash.Compute(original));
        AssertNoCase(target);
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public void Copy_Cancelled_AfterTheFirstTables_LeavesNoTarget(bool toPostgres)
    {
        // Given
        var original = Analysed();
        if (toPostgres)
        {
            Prerequisite.RequirePostgres();
        }

        var target = toPostgres ? database.Schema() : _dir.File("cancelled.case");
        using var cts = new CancellationTokenSource();
        var tables = 0;

        // When: cancelled once three tables are in
        Should.Throw<OperationCanceledException>(() => CaseCopier.Copy(original, target, progress: _ =>
        {
            if (++tables == 3)
            {
                cts.Cancel();
            }
        }, ct: cts.Token));

        // Then
        tables.ShouldBe(3);
        AssertNoCase(target);
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public void Copy_IntoACase_RefusedWithoutForce_ReplacedWithIt(bool toPostgres)
    {
        // Given: a target that already holds a case
        var original = Analysed();
        var other = Analysed("other.case");
        if (toPostgres)
        {
            Prerequisite.RequirePostgres();
        }

        var target = toPostgres ? database.Schema() : _dir.File("target.case");
        CaseCopier.Copy(other, target).Verified.ShouldBeTrue();
        var otherHash = CaseContentHash.Compute(target);

        // When / Then: refused, and left as it was
        var ex = Should.Throw<CaseStoreException>(() => CaseCopier.Copy(original, target));
        ex.Message.ShouldContain("--force");
        CaseContentHash.Compute(target).ShouldBe(otherHash);

        // When / Then: replaced with --force
        CaseCopier.Copy(original, target, force: true).Verified.ShouldBeTrue();
        CaseContentHash.Compute(target).ShouldBe(CaseContentHash.Compute(original));
    }

    /// <summary>Every field of every decision, IDs included, one line each.</summary>
    private static string Decisions(CaseStore store) => string.Join('\n', store.ListDecisions().Select(d =>
        string.Join('|', d.Id, d.KindName, d.Identifier, string.Join(',', d.Clusters), string.Join(',', d.SideA), string.Join(',', d.SideB), d.Who, d.At, d.Why, d.RunId, d.UndoneAt, d.UndoneBy)));

    private static void AssertNoCase(string target)
    {
        if (PostgresCaseLocator.IsLocator(target))
        {
            using var pg = new NpgsqlConnection(PostgresCaseLocator.Parse(target).ConnectionString());
            pg.Open();
            using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema();", pg);
            ((long)cmd.ExecuteScalar()!).ShouldBe(0);
            Should.Throw<CaseStoreException>(() => CaseContentHash.Compute(target)).Message.ShouldContain("holds no case");
        }
        else
        {
            File.Exists(target).ShouldBeFalse();
            Directory.GetFiles(Path.GetDirectoryName(target)!, Path.GetFileName(target) + "*").ShouldBeEmpty();
        }
    }

    private static List<string> Rows(string path, string sql)
    {
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}
