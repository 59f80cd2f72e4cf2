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
}
