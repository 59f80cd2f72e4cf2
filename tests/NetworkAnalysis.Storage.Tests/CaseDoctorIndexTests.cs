using Microsoft.Data.Sqlite;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

/// <summary>`netan doctor` names the secondary indexes a stopped bulk ingest left missing, and the next read-write open
/// builds them again.</summary>
public sealed class CaseDoctorIndexTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Examine_MissingSchemaIndexes_NamesThem_UntilTheNextReadWriteOpenRebuildsThem()
    {
        // Given a case whose ingest dropped two deferrable indexes and was stopped before building them again
        var input = _dir.Write("ads.jsonl", "{\"id\": \"1\", \"body\": \"call 702-555-0143\"}\n");
        var casePath = _dir.File("c.case");
        using (var store = CaseStore.Open(casePath, create: true))
        {
            new CaseIngestor(store).Ingest(input);
        }

        CaseDoctor.Examine(casePath).Findings.ShouldNotContain(f => f.Check == "indexes");
        using (var connection = new SqliteConnection($"Data Source={casePath};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "DROP INDEX mentions_entity; DROP INDEX ads_ad_id;";
            cmd.ExecuteNonQuery();
        }

        // When examined
        var finding = CaseDoctor.Examine(casePath).Findings.Single(f => f.Check == "indexes");

        // Then the finding names both and says what rebuilds them; after a read-write open it is gone
        finding.Message.ShouldStartWith("2 secondary indexes are missing (ads_ad_id, mentions_entity)");
        finding.Message.ShouldContain("the next read-write open");
        using (CaseStore.Open(casePath))
        {
        }

        CaseDoctor.Examine(casePath).Findings.ShouldNotContain(f => f.Check == "indexes");
    }

    [Fact]
    public void Examine_KeysDropped_NamesThem_OldConstraintsCountAsTheKeys()
    {
        // Given a case whose bulk ingest dropped the keys of ads and entities (change 9, #21) and was stopped before building them again
        var input = _dir.Write("ads.jsonl", "{\"id\": \"1\", \"body\": \"call 702-555-0143\"}\n");
        var casePath = _dir.File("c.case");
        using (var store = CaseStore.Open(casePath, create: true))
        {
            new CaseIngestor(store).Ingest(input);
        }

        Execute(casePath, "DROP INDEX entities_type_value; DROP INDEX ads_key;");

        // When examined, then the finding names both; after a read-write open they are back
        CaseDoctor.Examine(casePath).Findings.Single(f => f.Check == "indexes").Message
            .ShouldStartWith("2 secondary indexes are missing (ads_key, entities_type_value)");
        using (CaseStore.Open(casePath))
        {
        }

        CaseDoctor.Examine(casePath).Findings.ShouldNotContain(f => f.Check == "indexes");

        // And a case keyed by the old table constraints instead (created before change 9) is not reported
        var old = _dir.File("old.case");
        Execute(old, """
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE entities (id INTEGER PRIMARY KEY, type TEXT NOT NULL, value TEXT NOT NULL, UNIQUE (type, value));
            CREATE TABLE ads (id INTEGER PRIMARY KEY, site TEXT NOT NULL, ad_id TEXT NOT NULL, ad_key TEXT NOT NULL UNIQUE,
                source_id INTEGER NOT NULL, line INTEGER NOT NULL, posted_at TEXT, city TEXT, region TEXT, country TEXT,
                title TEXT, body TEXT, text TEXT NOT NULL, poster TEXT, images TEXT, image_hashes TEXT, price REAL, age INTEGER,
                attributes TEXT, raw TEXT NOT NULL, UNIQUE (site, ad_id));
            """);
        using (CaseStore.Open(old))
        {
        }

        CaseDoctor.Examine(old).Findings.ShouldNotContain(f => f.Check == "indexes");
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
