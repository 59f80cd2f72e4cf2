using System.Text;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Core.Extraction.Phones;
using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Core.Generation.Formats;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

/// <summary>Issue #19: a phone's region, place, type and metadata version are stored with the entity when an ingest creates it,
/// filled once for a case written before, and read from there by every reader.</summary>
public sealed class CaseStorePhoneDetailsTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Ingest_GeneratedCorpusWithRecrawls_StoresEveryPhonesDetailsAsPhoneNumberDetailsComputesThem()
    {
        // Given a generated corpus and a crawl of re-captured ads (new numbers in later versions), ingested in small batches
        var casePath = IngestGenerated();

        // Then every phone entity that is an E.164 number has one row, equal to libphonenumber's description with this
        // build's metadata version, and the case is marked as storing them
        var rows = StoredRows(casePath);
        var phones = Query(casePath, "SELECT id, value FROM entities WHERE type = 'phone' ORDER BY id").Select(r => (Id: (long)r[0], Value: (string)r[1])).ToList();
        phones.Count.ShouldBeGreaterThan(100);
        var expected = phones.Select(p => (p.Id, Details: PhoneNumberDetails.Describe(p.Value))).Where(p => p.Details is not null).ToList();
        expected.Count.ShouldBeGreaterThan(100);
        rows.Count.ShouldBe(expected.Count);
        foreach (var (id, details) in expected)
        {
            rows[id].ShouldBe((details!.Region, details.Location, details.Type, "9.0.43"), $"entity {id} {details.E164}");
        }

        // and phones first seen in a re-crawled version are among them
        var versionOnly = Query(casePath, """
            SELECT count(*) FROM entities e WHERE e.type = 'phone'
              AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity = e.id AND m.extractor NOT LIKE 'v%:%')
              AND EXISTS (SELECT 1 FROM phone_details d WHERE d.entity = e.id)
            """).Single()[0];
        ((long)versionOnly).ShouldBeGreaterThan(0);
        Query(casePath, "SELECT value FROM meta WHERE key = 'phone_details'").Single()[0].ShouldBe("stored");
    }

    [Fact]
    public void OldCaseWithoutDetails_ReadOnlyComputesThem_NextReadWriteOpenFillsThemOnce()
    {
        // Given a case as a build before #19 left it: phone entities, no stored details, no mark
        var casePath = IngestGenerated();
        var stored = StoredRows(casePath);
        Execute(casePath, "DELETE FROM phone_details; DELETE FROM meta WHERE key = 'phone_details';");

        // When opened read-only, its details are computed (and it says so), and nothing is written
        using (var readOnly = CaseStore.OpenReadOnly(casePath))
        {
            readOnly.PhoneDetailsStored.ShouldBeFalse();
            readOnly.PhoneDetailsNote.ShouldNotBeNull().ShouldContain("computed with libphonenumber-csharp 9.0.43");
            var computed = readOnly.PhoneDetails();
            computed.Count.ShouldBe(stored.Count);
            foreach (var d in computed.Values)
            {
                d.ShouldBe(PhoneNumberDetails.Describe(d.E164));
            }

            var one = computed.Keys.Order(StringComparer.Ordinal).First();
            readOnly.PhoneDetailsOf(one).ShouldBe(computed[one]);
        }

        StoredRows(casePath).Count.ShouldBe(0);
        CaseDoctor.Examine(casePath).Findings.ShouldContain(f => f.Check == "phone-details" && f.Message.Contains("the next read-write open"));

        // When opened read-write, they are filled once: the same rows an ingest stores, and the mark
        using (var store = CaseStore.Open(casePath))
        {
            store.PhoneDetailsFilledOnOpen.ShouldBe(stored.Count);
            store.PhoneDetailsStored.ShouldBeTrue();
            store.PhoneDetailsNote.ShouldBeNull();
        }

        StoredRows(casePath).ShouldBe(stored);
        CaseDoctor.Examine(casePath).Findings.ShouldNotContain(f => f.Check == "phone-details");
        using (var again = CaseStore.Open(casePath))
        {
            again.PhoneDetailsFilledOnOpen.ShouldBe(0);
        }
    }

    [Fact]
    public void Readers_TakeTheStoredValues_NotAFreshComputation()
    {
        // Given an analysed case whose stored details for one number say something libphonenumber would not
        var input = _dir.Write("ads.jsonl", string.Join('\n', Enumerable.Range(1, 3).Select(i =>
            $$"""{"id": "{{i}}", "body": "Mia here, call (702) 555-014{{i}} or 702-555-0150", "city": "Miami", "country": "US"}""")) + "\n");
        var casePath = _dir.File("r.case");
        using (var store = CaseStore.Open(casePath, create: true))
        {
            new CaseIngestor(store).Ingest(input);
            new CaseAnalyzer(store).Analyze();
        }

        Execute(casePath, "UPDATE phone_details SET location = 'Testville', metadata = '0.0.1' WHERE entity = (SELECT id FROM entities WHERE value = '+17025550150');");

        // When lookup, the cluster graph, the risk input and the store's own reader read it
        using var reader = CaseStore.Open(casePath);
        var lookup = reader.Lookup("702-555-0150").Single();
        var cluster = lookup.Clusters.Single().ClusterId;
        var graphPhone = reader.GetClusterGraph(cluster)!.Entities.Single(e => e.Value == "+17025550150");
        var riskInput = reader.LoadRiskInput();

        // Then each gives the stored values with the stored version
        lookup.Phone.ShouldNotBeNull().Location.ShouldBe("Testville");
        lookup.Phone.Metadata.ShouldBe("0.0.1");
        graphPhone.Phone.ShouldNotBeNull().Location.ShouldBe("Testville");
        riskInput.PhoneDetails.ShouldNotBeNull()["+17025550150"].Location.ShouldBe("Testville");
        riskInput.PhoneDetails["+17025550141"].ShouldBe(PhoneNumberDetails.Describe("+17025550141"));
        reader.GetClusterGraph(cluster)!.Entities.Where(e => e.Type != "phone").ShouldAllBe(e => e.Phone == null);
    }

    [Fact]
    public void OutOfArea_ScoresFromTheStoredRegion()
    {
        // Given Miami ads with Las Vegas numbers, analysed: out_of_area fires on the stored (geocoded) Nevada
        var input = _dir.Write("ads.jsonl", string.Join('\n', Enumerable.Range(1, 3).Select(i =>
            $$"""{"id": "{{i}}", "body": "Mia here, call (702) 555-014{{i}} or 702-555-0150", "city": "Miami", "country": "US"}""")) + "\n");
        var casePath = _dir.File("o.case");
        using var store = CaseStore.Open(casePath, create: true);
        new CaseIngestor(store).Ingest(input);
        new CaseAnalyzer(store).Analyze();
        var indicators = Core.Risk.IndicatorSet.Default;
        static bool Fires(Core.Risk.RiskScoringResult r) => r.Assessments.SelectMany(a => a.Contributions).Any(c => c.IndicatorId == "out_of_area");
        Fires(new CaseRiskScorer(store).Score(indicators, null)).ShouldBeTrue();

        // When the stored details say the numbers are Florida's
        Execute(casePath, "UPDATE phone_details SET location = 'Florida';");

        // Then scoring reads that, and the indicator no longer fires
        Fires(new CaseRiskScorer(store).Score(indicators, null)).ShouldBeFalse();
    }

    private string IngestGenerated()
    {
        var corpus = CorpusGenerator.Generate(new CorpusOptions { Ads = 600, Seed = 19 });
        var jsonl = _dir.File("ads.jsonl");
        using (var writer = new StreamWriter(jsonl, false, new UTF8Encoding(false)))
        {
            CorpusWriter.WriteJsonLines(corpus, writer);
        }

        var crawl = CorpusGenerator.Generate(new CorpusOptions { Ads = 200, Seed = 20 });
        var warc = _dir.File("crawl.warc.gz");
        CorpusFormatWriter.WriteWarc(CorpusPages.Captures(crawl, 20).ToList(), warc);
        var casePath = _dir.File("case.case");
        using var store = CaseStore.Open(casePath, create: true);
        var ingestor = new CaseIngestor(store);
        var options = new IngestOptions { BatchSize = 97 };
        ingestor.Ingest(jsonl, options);
        ingestor.Ingest(warc, options).Versions.ShouldBeGreaterThan(0);
        return casePath;
    }

    private static Dictionary<long, (string, string, string, string)> StoredRows(string casePath) =>
        Query(casePath, "SELECT entity, region, location, number_type, metadata FROM phone_details")
            .ToDictionary(r => (long)r[0], r => ((string)r[1], (string)r[2], (string)r[3], (string)r[4]));

    private static List<object[]> Query(string casePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={casePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<object[]>();
        while (r.Read())
        {
            var row = new object[r.FieldCount];
            r.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    private static void Execute(string casePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={casePath};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
