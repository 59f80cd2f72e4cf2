using NetworkAnalysis.Core.Risk;
using NetworkAnalysis.Reporting.Tables;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;
using Parquet;

namespace NetworkAnalysis.Reporting.Tests.Tables;

public sealed class CaseTablesExportTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private CaseStore Scored()
    {
        var lines = new List<string>
        {
            """{"id":"1","city":"Reno","price":120.5,"body":"call (702) 555-0142 <script>alert(1)</script> =cmd|' /C calc'!A0"}""",
            """{"id":"2","age":24,"body":"text 702.555.0142 or amy@example.com \u00e9\u4e2d"}""",
            """{"id":"3","body":"amy@example.com"}""",
        };
        lines.AddRange(Enumerable.Range(0, 30).Select(i => $$"""{"id":"r{{i}}","city":"City{{i % 4}}","body":"ring {{i % 5}} call 702-555-01{{50 + (i % 5)}}"}"""));
        var file = _dir.Write("a.jsonl", string.Join('\n', lines));
        var store = CaseStore.Open(_dir.File("t.case"), create: true);
        new CaseIngestor(store).Ingest(file);
        new CaseAnalyzer(store).Analyze();
        new CaseRiskScorer(store).Score(IndicatorSet.Default, IndicatorSet.DefaultFileBytes());
        return store;
    }

    [Fact]
    public async Task ExportAsync_EveryTable_ReadsBackWithParquetNetRowForRow()
    {
        // Given a scored case with hostile text, non-ASCII text and nulls
        using var store = Scored();
        var dir = _dir.File("out");

        // When
        var files = await CaseParquetExporter.ExportAsync(store, dir, null, CancellationToken.None);

        // Then one file per table, and every column of every table reads back equal to the store's rows
        files.Select(Path.GetFileName).ShouldBe(CaseStore.TableNames.Select(t => t + ".parquet"));
        foreach (var table in CaseStore.TableNames)
        {
            var expected = Concat(store.ReadTable(table));
            var actual = await ReadBack(Path.Combine(dir, table + ".parquet"), CaseStore.TableColumns(table));
            actual.Count.ShouldBe(expected.Count, table);
            for (var c = 0; c < expected.Count; c++)
            {
                actual[c].ShouldBe(expected[c], $"{table}.{CaseStore.TableColumns(table)[c].Name}");
            }
        }

        Concat(store.ReadTable("scores"))[0].Count.ShouldBeGreaterThan(0);
        Concat(store.ReadTable("ads"))[0].Count.ShouldBe(33);
    }

    [Fact]
    public async Task ExportAsync_OneCluster_OnlyItsRows()
    {
        // Given
        using var store = Scored();
        var cluster = store.Memberships().Single(m => m.AdKey == "1").ClusterId!;

        // When
        await CaseParquetExporter.ExportAsync(store, _dir.File("one"), cluster, CancellationToken.None);

        // Then
        var ads = await ReadBack(_dir.File("one/ads.parquet"), CaseStore.TableColumns("ads"));
        ads[0].ShouldBe(["1", "2", "3"]);
        var clusters = await ReadBack(_dir.File("one/clusters.parquet"), CaseStore.TableColumns("clusters"));
        clusters[0].ShouldBe([cluster]);
    }

    [Fact]
    public async Task ExportAsync_AdsAndEntities_CarryTheStandingDecisions()
    {
        // Given a scored case where r0 and r5 (one ring) are declared not the same poster and ring 1's phone a hub
        using var store = Scored();
        var notSame = store.DecideNotSame("r0", "r5", "=cmd|' /C calc'!A0 <b>x</b>", "J. Doe");
        var hub = store.DecideHub("phone:+17025550151", "booking line", "J. Doe");

        // When
        await CaseParquetExporter.ExportAsync(store, _dir.File("d"), null, CancellationToken.None);

        // Then ads.parquet and entities.parquet have a decisions column naming them, as the Neo4j CSVs do
        var ads = await ReadBack(_dir.File("d/ads.parquet"), CaseStore.TableColumns("ads"));
        var keys = ads[0].Cast<string>().ToList();
        ads[^1][keys.IndexOf("r0")].ShouldBe(DecisionEffects.Line(notSame));
        ads[^1][keys.IndexOf("r5")].ShouldBe(DecisionEffects.Line(notSame));
        ads[^1].Count(v => v is not null).ShouldBe(2);
        var entities = await ReadBack(_dir.File("d/entities.parquet"), CaseStore.TableColumns("entities"));
        entities[^1][entities[0].Cast<string>().ToList().IndexOf("phone:+17025550151")].ShouldBe(DecisionEffects.Line(hub));
        CaseStore.TableColumns("ads")[^1].Name.ShouldBe("decisions");
    }

    [Fact]
    public void CaseDataFrames_Ads_HasEveryAdAndTypedColumns()
    {
        // Given
        using var store = Scored();

        // When
        var frames = CaseDataFrames.LoadAll(store);

        // Then
        frames.Keys.ShouldBe(CaseStore.TableNames, ignoreOrder: true);
        var ads = frames["ads"];
        ads.Rows.Count.ShouldBe(33);
        ads.Columns.Select(c => c.Name).ShouldBe(CaseStore.TableColumns("ads").Select(c => c.Name));
        ads.Columns["price"][0].ShouldBe(120.5);
        ads.Columns["price"][1].ShouldBeNull();
        ads.Columns["age"][1].ShouldBe(24L);
        ((string)ads.Columns["body"][0]).ShouldContain("<script>");
        var sizes = frames["clusters"].Columns["size"];
        Enumerable.Range(0, (int)sizes.Length).Sum(i => (long)sizes[i]!).ShouldBe(33);
        frames["scores"].Rows.Count.ShouldBe(frames["clusters"].Rows.Count);
    }

    private static List<List<object?>> Concat(IEnumerable<CaseTableBatch> batches)
    {
        var columns = new List<List<object?>>();
        foreach (var batch in batches)
        {
            for (var c = 0; c < batch.Values.Count; c++)
            {
                if (columns.Count <= c)
                {
                    columns.Add([]);
                }

                columns[c].AddRange(batch.Values[c].Cast<object?>());
            }
        }

        return columns;
    }

    private static async Task<List<List<object?>>> ReadBack(string path, IReadOnlyList<CaseColumn> columns)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.DataFields;
        fields.Select(f => f.Name).ShouldBe(columns.Select(c => c.Name));
        var result = columns.Select(_ => new List<object?>()).ToList();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            for (var c = 0; c < columns.Count; c++)
            {
                switch (columns[c].Type)
                {
                    case CaseColumnType.Int64:
                        var longs = new long?[n];
                        await group.ReadAsync(fields[c], longs.AsMemory());
                        result[c].AddRange(longs.Cast<object?>());
                        break;
                    case CaseColumnType.Double:
                        var doubles = new double?[n];
                        await group.ReadAsync(fields[c], doubles.AsMemory());
                        result[c].AddRange(doubles.Cast<object?>());
                        break;
                    case CaseColumnType.Boolean:
                        var bools = new bool?[n];
                        await group.ReadAsync(fields[c], bools.AsMemory());
                        result[c].AddRange(bools.Cast<object?>());
                        break;
                    default:
                        var strings = new string?[n];
                        await group.ReadAsync(fields[c], strings.AsMemory());
                        result[c].AddRange(strings);
                        break;
                }
            }
        }

        return result;
    }
}
