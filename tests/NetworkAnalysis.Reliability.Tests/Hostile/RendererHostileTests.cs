using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NetworkAnalysis.Reliability.Tests.Infrastructure;
using NetworkAnalysis.Reliability.Tests.Workbench;
using NetworkAnalysis.Reporting.Cases;
using NetworkAnalysis.Reporting.Exports;
using NetworkAnalysis.Reporting.Neo4j;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;
using Xunit.Abstractions;

namespace NetworkAnalysis.Reliability.Tests.Hostile;

/// <summary>Every hostile payload, in every text field of the ads, through every renderer: HTML report, SVG charts, exports,
/// the workbench's exports and charts, and the Neo4j push. Nothing active comes out, no CSV cell starts a formula, no
/// payload reaches Cypher text.</summary>
[Collection(ProcessCollection.Name)]
public sealed partial class RendererHostileTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly ITestOutputHelper _log;
    private readonly string _case;
    private readonly List<string> _clusters;

    public RendererHostileTests(ITestOutputHelper log)
    {
        _log = log;
        // One ad per payload, the payload in its ID, title, body, city, region, poster and image path; all share a phone,
        // so they form one cluster, and each names its own e-mail.
        var lines = HostilePayloads.All.Select((p, i) => JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["id"] = p + "#" + i,
            ["site"] = "example.com",
            ["title"] = p,
            ["body"] = $"Call 702-555-0171 or mail h{i}@example.com today.\n{p}\n{p}",
            ["city"] = p,
            ["region"] = p,
            ["poster"] = p,
            ["images"] = new[] { p },
            ["posted_at"] = $"2026-02-{1 + i:00}T10:00:00Z",
        }));
        var input = _dir.Write("hostile.jsonl", string.Join('\n', lines) + "\n");
        _case = _dir.File("hostile.case");
        using var store = CaseStore.Open(_case, create: true);
        new CaseIngestor(store).Ingest(input);
        new CaseAnalyzer(store).Analyze();
        store.Counts().Ads.ShouldBe(HostilePayloads.All.Count);
        // The engine puts them in one or a few clusters (text similarity splits some off); each is rendered.
        var members = store.Memberships().ToList();
        members.ShouldAllBe(m => m.ClusterId != null);
        _clusters = members.Select(m => m.ClusterId!).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ReferralReport_AndCharts_CarryEveryPayloadAsInertText()
    {
        // When: the referral case file and every chart kind are written for each hostile cluster
        var report = _dir.File("report");
        var charts = new List<string>();
        var reportText = new StringBuilder();
        foreach (var (cluster, c) in _clusters.Select((x, c) => (x, c)))
        {
            var run = await InProcessCli.RunAsync("report", cluster, "--out", Path.Combine(report, "c" + c), "--show-identifiers", "--show-images", "--case", _case);
            run.ExitCode.ShouldBe(0, run.All);
            reportText.Append(WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(report, "c" + c, "report.html"))));
            foreach (var kind in new[] { "network", "timeline", "movement", "map", "activity", "sizes", "overview", "prices", "ages" })
            {
                var svg = _dir.File($"{kind}{c}.svg");
                run = await InProcessCli.RunAsync(["chart", kind, "--out", svg, "--show-identifiers", "--case", _case, .. kind is "sizes" or "overview" or "prices" or "ages" ? Array.Empty<string>() : ["--cluster", cluster]]);
                run.ExitCode.ShouldBe(0, run.All);
                charts.Add(svg);
            }
        }

        // Then: no active content anywhere, and the payloads are there as text (escaped, not dropped)
        var html = Directory.GetFiles(report, "*.html", SearchOption.AllDirectories);
        html.ShouldNotBeEmpty();
        foreach (var file in html)
        {
            AssertInertHtml(file, File.ReadAllText(file));
        }

        var shown = reportText.ToString();
        var missing = HostilePayloads.Xss.Where(p => !shown.Contains(XmlSafe(p), StringComparison.Ordinal)).ToList();
        missing.ShouldBeEmpty("the report must show each payload as text: " + string.Join(" | ", missing));
        foreach (var svg in charts.Concat(Directory.GetFiles(report, "*.svg", SearchOption.AllDirectories)))
        {
            AssertInertSvg(svg, File.ReadAllText(svg));
        }

        _log.WriteLine($"report of {_clusters.Count} clusters: {html.Length} HTML files, {charts.Count} charts + report SVGs; all {HostilePayloads.Xss.Count} XSS payloads shown as text, none active");
    }

    [Fact]
    public async Task EveryExportFormat_NoFormulaCells_WellFormed_NoPayloadInCypher()
    {
        var checkedCsv = new List<string>();
        foreach (var format in GraphExporters.Formats)
        {
            // When
            var dir = _dir.File("export-" + format);
            var run = await InProcessCli.RunAsync("export", "--format", format, "--out", dir, "--case", _case);
            run.ExitCode.ShouldBe(0, run.All);

            // Then
            foreach (var file in Directory.GetFiles(dir, "*", SearchOption.AllDirectories))
            {
                var text = File.ReadAllText(file);
                switch (Path.GetExtension(file))
                {
                    case ".csv" when format == "neo4j":
                        // Import files for neo4j-admin / LOAD CSV: values must arrive exactly (a leading apostrophe would corrupt
                        // every E.164 phone, which starts with '+'), so they are not neutralised; the Cypher never embeds them.
                        CsvRows.Parse(text).Count.ShouldBeGreaterThan(0);
                        break;
                    case ".csv":
                        AssertNoFormulaCells(file, text);
                        checkedCsv.Add(Path.GetFileName(file));
                        break;
                    case ".graphml" or ".gexf" or ".xml":
                        AssertInertSvg(file, text); // well-formed XML with no script, handler or javascript: URL
                        break;
                    case ".json" or ".jsonl" or ".ndjson":
                        // One JSON document, or JSON Lines (FollowTheMoney): each must parse, so no payload broke the quoting.
                        ParseJsonOrJsonLines(file, text);

                        break;
                    case ".cypher" or ".sh":
                        AssertNoPayload(file, text);
                        break;
                }
            }
        }

        checkedCsv.ShouldNotBeEmpty();
        File.ReadAllText(Path.Combine(_dir.File("export-neo4j"), Neo4jBulkExporter.Files.Cypher)).ShouldBe(Neo4jBulkExporter.LoadCsvScript);
        var neo4jAds = CsvRows.Parse(File.ReadAllText(Path.Combine(_dir.File("export-neo4j"), Neo4jBulkExporter.Files.Ads)));
        foreach (var p in HostilePayloads.Formulas.Concat(HostilePayloads.Cypher))
        {
            neo4jAds.ShouldContain(row => row[0].Contains(p.Trim() + "#", StringComparison.Ordinal), p);
        }

        _log.WriteLine($"exports {string.Join(", ", GraphExporters.Formats)}: spreadsheet CSVs {string.Join(", ", checkedCsv)} have no formula cell; Neo4j CSVs exact; Cypher scripts carry no payload");
    }

    [Fact]
    public async Task Neo4jPush_SendsOnlyFixedStatements_PayloadsOnlyAsParameters()
    {
        // Given: a Neo4j endpoint that records what it is sent
        var sent = new List<JsonDocument>();
        using var http = new HttpClient(new RecordingHandler(sent));
        var client = new Neo4jQueryClient(http, new Neo4jConnection(new Uri("http://127.0.0.1:7474/"), "neo4j", "neo4j", "secret"));
        using var reader = new CaseReportReader(_case);
        var graph = reader.LoadGraph(null, false, CancellationToken.None);

        // When
        var result = await new Neo4jGraphPusher(client, batchSize: 5).PushAsync(graph, CancellationToken.None);

        // Then: every statement is one of the fixed ones; the payloads travel in the parameters only
        result.Success.ShouldBeTrue(result.Error);
        var statements = Neo4jStatements.Schema.Concat([Neo4jStatements.MergeAds, Neo4jStatements.MergeEntities, Neo4jStatements.MergeClusters,
            Neo4jStatements.MergeMentions, Neo4jStatements.MergeSimilarImages, Neo4jStatements.MergeSimilarTexts, Neo4jStatements.MergeMemberships])
            .Select(s => s.Cypher).ToHashSet(StringComparer.Ordinal);
        sent.ShouldNotBeEmpty();
        var values = new List<string>();
        foreach (var body in sent)
        {
            statements.ShouldContain(body.RootElement.GetProperty("statement").GetString()!);
            Strings(body.RootElement.GetProperty("parameters"), values);
        }

        foreach (var p in HostilePayloads.Cypher)
        {
            values.ShouldContain(v => v.Contains(p.Trim(), StringComparison.Ordinal), "the payload should reach Neo4j as a parameter value: " + p);
        }

        _log.WriteLine($"neo4j push: {sent.Count} requests, all fixed statements; {HostilePayloads.Cypher.Count} Cypher payloads only in parameters");
        foreach (var doc in sent)
        {
            doc.Dispose();
        }
    }

    [Fact]
    public async Task Workbench_ExportsAndCharts_OfTheHostileCluster_AreInert()
    {
        // Given: netan serve over the hostile case
        using var server = WorkbenchServer.Start(_case);
        using var http = new HttpClient { BaseAddress = server.Url };
        var entries = 0;
        foreach (var cluster in _clusters)
        {
            entries += await CheckWorkbenchCluster(http, Uri.EscapeDataString(cluster));
        }

        entries.ShouldBeGreaterThan(1);
        _log.WriteLine($"workbench, {_clusters.Count} clusters: referral, graphml, timeline, movement inert; neo4j bundles of {entries} files, no payload in their Cypher");
    }

    private static async Task<int> CheckWorkbenchCluster(HttpClient http, string id)
    {
        // When / Then: referral HTML, GraphML, the Neo4j bundle, and the timeline and movement SVGs
        AssertInertHtml("workbench referral", await http.GetStringAsync($"/api/clusters/{id}/export/referral"));
        AssertInertSvg("workbench graphml", await http.GetStringAsync($"/api/clusters/{id}/export/graphml"));
        AssertInertSvg("workbench timeline", await http.GetStringAsync($"/api/clusters/{id}/timeline.svg"));
        AssertInertSvg("workbench movement", await http.GetStringAsync($"/api/clusters/{id}/movement.svg"));
        AssertInertSvg("workbench map", await http.GetStringAsync($"/api/clusters/{id}/map.svg"));
        var zipBytes = await http.GetByteArrayAsync($"/api/clusters/{id}/export/neo4j");
        using var zip = new ZipArchive(new MemoryStream(zipBytes));
        var entries = 0;
        foreach (var entry in zip.Entries)
        {
            using var text = new StreamReader(entry.Open());
            var content = await text.ReadToEndAsync();
            entries++;
            if (entry.Name.EndsWith(".cypher", StringComparison.Ordinal) || entry.Name.EndsWith(".sh", StringComparison.Ordinal))
            {
                AssertNoPayload(entry.FullName, content);
            }
            else if (entry.Name.EndsWith(".csv", StringComparison.Ordinal))
            {
                CsvRows.Parse(content).Count.ShouldBeGreaterThan(0);
            }
        }

        return entries;
    }

    private static void ParseJsonOrJsonLines(string name, string text)
    {
        try
        {
            using var whole = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                Should.NotThrow(() => JsonDocument.Parse(line).Dispose(), name);
            }
        }
    }

    private static void Strings(JsonElement e, List<string> into)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                into.Add(e.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var x in e.EnumerateArray())
                {
                    Strings(x, into);
                }

                break;
            case JsonValueKind.Object:
                foreach (var x in e.EnumerateObject())
                {
                    Strings(x.Value, into);
                }

                break;
        }
    }

    // ---- checks ----

    private static void AssertInertHtml(string name, string html)
    {
        ScriptTag().IsMatch(html).ShouldBeFalse($"{name}: a <script> element");
        var handler = HandlerAttribute().Match(html);
        handler.Success.ShouldBeFalse($"{name}: an event handler attribute: {handler.Value}");
        JavascriptUrl().IsMatch(html).ShouldBeFalse($"{name}: a javascript: URL in an attribute");
        foreach (var tag in new[] { "<iframe", "<svg onload", "<img src=x", "<math", "<style>*" })
        {
            html.Contains(tag, StringComparison.OrdinalIgnoreCase).ShouldBeFalse($"{name}: raw payload markup {tag}");
        }
    }

    private static void AssertInertSvg(string name, string xml)
    {
        var doc = XDocument.Parse(xml); // well-formed: no payload broke out of text or attributes
        foreach (var e in doc.Descendants())
        {
            e.Name.LocalName.ShouldNotBeOneOf(["script", "foreignObject", "iframe", "handler", "image", "img"], $"{name}: active element");
            foreach (var a in e.Attributes())
            {
                a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase).ShouldBeFalse($"{name}: handler attribute {a.Name}");
                if (a.Name.LocalName is "href" or "src")
                {
                    a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase).ShouldBeFalse($"{name}: javascript: URL");
                    a.Value.TrimStart().StartsWith('#').ShouldBeTrue($"{name}: external reference {a.Value}");
                }
            }
        }
    }

    private static void AssertNoFormulaCells(string name, string csv)
    {
        foreach (var (row, r) in CsvRows.Parse(csv).Select((row, r) => (row, r)))
        {
            foreach (var cell in row)
            {
                (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r').ShouldBeFalse($"{name} row {r}: formula cell {cell}");
            }
        }
    }

    private static void AssertNoPayload(string name, string text)
    {
        foreach (var marker in new[] { "DETACH DELETE", "dbms.shutdown", "__xss", "onerror", "HYPERLINK", "cmd|" })
        {
            text.Contains(marker, StringComparison.OrdinalIgnoreCase).ShouldBeFalse($"{name}: payload text '{marker}' in a script");
        }
    }

    /// <summary>The payload as an XML/HTML writer may keep it: characters XML forbids are replaced, so compare without them.</summary>
    private static string XmlSafe(string p) => new(p.Where(c => c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF')).ToArray());

    [GeneratedRegex(@"<\s*script", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"<[a-zA-Z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex HandlerAttribute();

    [GeneratedRegex(@"(href|src|action)\s*=\s*[""']?\s*javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex JavascriptUrl();

    private sealed class RecordingHandler(List<JsonDocument> sent) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            sent.Add(JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"data\":{\"fields\":[],\"values\":[]}}") };
        }
    }
}
