using System.Text.RegularExpressions;
using NetworkAnalysis.Reporting.Exports;
using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Reporting.Tests.Support;

namespace NetworkAnalysis.Reporting.Tests.Exports;

public sealed class Neo4jBulkExporterTests : IDisposable
{
    private static readonly Regex IdHeader = new(@"^\w*:ID\((\w+)\)$", RegexOptions.None, TimeSpan.FromSeconds(1));
    private static readonly Regex EndpointHeader = new(@"^:(START|END)_ID\((\w+)\)$", RegexOptions.None, TimeSpan.FromSeconds(1));
    private static readonly Regex TypedHeader = new(@"^\w+(:(int|long|float|double|boolean|byte|short|char|string|date|datetime|localdatetime|time|localtime|duration|point)(\[\])?)?$", RegexOptions.None, TimeSpan.FromSeconds(1));
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "netan-neo4j-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, true);
        }
    }

    private Dictionary<string, List<List<string?>>> ExportAndRead(CaseGraph graph)
    {
        new Neo4jBulkExporter().Export(graph, _dir);
        return Directory.GetFiles(_dir, "*.csv").ToDictionary(p => Path.GetFileName(p), p => CsvText.Parse(File.ReadAllText(p)));
    }

    [Fact]
    public void Export_Headers_FollowNeo4jAdminRules()
    {
        // Given / When
        var files = ExportAndRead(SampleGraphs.Corpus(payload: Hostile.Cypher));

        // Then node files have one :ID(space) and one :LABEL column; relationship files :START_ID, :END_ID, :TYPE;
        // every other column is name[:type]
        foreach (var (name, rows) in files)
        {
            var header = rows[0].Select(h => h!).ToList();
            var isRelationship = header.Any(h => h.StartsWith(":START_ID"));
            if (isRelationship)
            {
                header.Count(h => EndpointHeader.Match(h) is { Success: true } m && m.Groups[1].Value == "START").ShouldBe(1, name);
                header.Count(h => EndpointHeader.Match(h) is { Success: true } m && m.Groups[1].Value == "END").ShouldBe(1, name);
                header.Count(h => h == ":TYPE").ShouldBe(1, name);
            }
            else
            {
                header.Count(h => IdHeader.IsMatch(h)).ShouldBe(1, name);
                header.Count(h => h == ":LABEL").ShouldBe(1, name);
            }

            header.Where(h => !h.StartsWith(':') && !IdHeader.IsMatch(h)).ShouldAllBe(h => TypedHeader.IsMatch(h), name);
            rows.Skip(1).ShouldAllBe(r => r.Count == header.Count, name);
        }
    }

    [Fact]
    public void Export_Rows_KeepCountsAndResolveEveryEndpoint()
    {
        // Given
        var graph = SampleGraphs.Corpus(payload: Hostile.Cypher);

        // When
        var files = ExportAndRead(graph);

        // Then
        var ids = new Dictionary<string, HashSet<string>>();
        foreach (var (_, rows) in files.Where(f => f.Value[0].Any(h => IdHeader.IsMatch(h!))))
        {
            var col = rows[0].FindIndex(h => IdHeader.IsMatch(h!));
            var space = IdHeader.Match(rows[0][col]!).Groups[1].Value;
            ids[space] = rows.Skip(1).Select(r => r[col]!).ToHashSet();
            ids[space].Count.ShouldBe(rows.Count - 1, "IDs are unique within their space");
        }

        ids["Ad"].SetEquals(graph.Ads.Select(a => a.Key)).ShouldBeTrue();
        ids["Entity"].SetEquals(graph.Entities.Select(e => e.Id)).ShouldBeTrue();
        ids["Cluster"].Count.ShouldBe(graph.Ads.Select(a => a.ClusterId).Distinct().Count());
        foreach (var (name, rows) in files.Where(f => f.Value[0].Any(h => h!.StartsWith(":START_ID"))))
        {
            for (var c = 0; c < rows[0].Count; c++)
            {
                if (EndpointHeader.Match(rows[0][c]!) is { Success: true } m)
                {
                    rows.Skip(1).ShouldAllBe(r => ids[m.Groups[2].Value].Contains(r[c]!), name);
                }
            }
        }

        (files["mentions.csv"].Count - 1).ShouldBe(graph.Links.Count(l => l.Kind == ReportLinkKind.Mentions));
        (files["similar.csv"].Count - 1).ShouldBe(graph.Links.Count(l => l.Kind != ReportLinkKind.Mentions));
        (files["in_cluster.csv"].Count - 1).ShouldBe(graph.Ads.Count);
        var textCol = files["ads.csv"][0].IndexOf("text");
        files["ads.csv"].Skip(1).Select(r => r[textCol]).ShouldBe(graph.Ads.Select(a => a.Text));
    }

    [Fact]
    public void Export_Entities_CarryEachPhonesStoredDetails_AndTheScriptLoadsThem()
    {
        // Given
        var graph = SampleGraphs.Corpus();

        // When
        var rows = ExportAndRead(graph)["entities.csv"];

        // Then: one row per entity, its phone columns as the graph holds them (empty for other identifiers)
        var header = rows[0];
        var (id, region, location, type) = (header.IndexOf("entityId:ID(Entity)"), header.IndexOf("phoneRegion"), header.IndexOf("phoneLocation"), header.IndexOf("phoneType"));
        new[] { region, location, type }.ShouldAllBe(c => c > 0);
        var byId = graph.Entities.ToDictionary(e => e.Id);
        byId.Values.Count(e => e.Phone is not null).ShouldBeGreaterThan(1);
        foreach (var row in rows.Skip(1))
        {
            var phone = byId[row[id]!].Phone;
            (row[region] ?? "").ShouldBe(phone?.Region ?? "");
            (row[location] ?? "").ShouldBe(phone?.Location ?? "");
            (row[type] ?? "").ShouldBe(phone?.Type ?? "");
        }

        Neo4jBulkExporter.LoadCsvScript.ShouldContain("e.phoneRegion = row.phoneRegion");
        NetworkAnalysis.Reporting.Neo4j.Neo4jStatements.MergeEntities.Cypher.ShouldContain("e.phoneType = row.phoneType");
    }

    [Fact]
    public void Export_Command_NamesEveryCsvAndTheDatabase()
    {
        // When
        var exporter = new Neo4jBulkExporter { Database = "cases" };
        var written = exporter.Export(SampleGraphs.Corpus(), _dir);

        // Then
        var command = File.ReadAllText(Path.Combine(_dir, Neo4jBulkExporter.Files.Command));
        command.ShouldContain("neo4j-admin database import full cases ");
        command.ShouldContain("--multiline-fields=true");
        foreach (var csv in written.Where(p => p.EndsWith(".csv")))
        {
            command.ShouldContain("=import/" + Path.GetFileName(csv));
        }
    }

    [Fact]
    public void Export_CypherScript_CreatesConstraintsBeforeLoadingEveryFile()
    {
        var written = new Neo4jBulkExporter().Export(SampleGraphs.Corpus(), _dir);
        var cypher = File.ReadAllText(Path.Combine(_dir, Neo4jBulkExporter.Files.Cypher));
        var firstLoad = cypher.IndexOf("LOAD CSV", StringComparison.Ordinal);
        cypher.IndexOf("CREATE CONSTRAINT ad_key", StringComparison.Ordinal).ShouldBeInRange(0, firstLoad);
        cypher.IndexOf("CREATE INDEX", StringComparison.Ordinal).ShouldBeInRange(0, firstLoad);
        foreach (var csv in written.Where(p => p.EndsWith(".csv")))
        {
            cypher.ShouldContain("'file:///" + Path.GetFileName(csv) + "'");
        }
    }

    [Fact]
    public void Export_UnsafeDatabaseName_Throws()
    {
        Should.Throw<ArgumentException>(() => new Neo4jBulkExporter { Database = "x; rm -rf /" }.Export(SampleGraphs.Corpus(), _dir));
    }

    [Theory]
    [InlineData("phone", "Phone")]
    [InlineData("applecash", "Applecash")]
    [InlineData("`x`:Y", "XY")]
    [InlineData("9", "Other9")]
    public void TypeLabel_AnyType_IsASafeLabel(string type, string label)
    {
        Neo4jBulkExporter.TypeLabel(type).ShouldBe(label);
    }
}
