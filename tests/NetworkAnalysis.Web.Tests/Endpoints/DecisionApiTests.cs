using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web.Tests.Endpoints;

/// <summary>Decisions from the workbench: made with a reason through the guarded POST, listed on the cluster, audited, undone.</summary>
public sealed class DecisionApiTests() : WorkbenchApiTestBase(new WorkbenchCase())
{
    [Fact]
    public async Task NotSame_IsRecorded_ListedOnTheCluster_AuditedAndHonouredByTheNextAnalysis()
    {
        // Given the ring r1..r4 in one cluster
        var cluster = ClusterOf("r1");
        ClusterOf("r4").ShouldBe(cluster);

        // When an analyst declares r1 and r4 different posters from the workbench
        var made = await Post("/api/decisions", new { kind = "not-same", adA = "r1", adB = "r4", why = "different women in the photos" });

        // Then it is stored with the workbench's analyst, listed on the cluster with its effect, and audited
        made.StatusCode.ShouldBe(HttpStatusCode.OK, await made.Content.ReadAsStringAsync());
        var listed = (await Get($"/api/clusters/{cluster}/decisions")).EnumerateArray().ShouldHaveSingleItem();
        listed.GetProperty("who").GetString().ShouldBe("analyst.one");
        listed.GetProperty("effect").GetString()!.ShouldContain("declared not the same poster by analyst.one");
        (await Get("/api/audit?target=decision%201")).EnumerateArray().Select(a => a.GetProperty("action").GetString()).ShouldContain("decide");

        // And the next analysis honours it
        using (var store = CaseStore.Open(Case.Path))
        {
            new CaseAnalyzer(store).Analyze();
        }

        ClusterOf("r1").ShouldNotBe(ClusterOf("r4"));

        // And it can be undone
        (await Post("/api/decisions/1/undo", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Get("/api/decisions")).EnumerateArray().ShouldHaveSingleItem().GetProperty("undoneBy").GetString().ShouldBe("analyst.one");
    }

    [Fact]
    public async Task Decision_WithoutReason_OrConflicting_Is400WithOneLine()
    {
        var ring = ClusterOf("r1");
        var solo = ClusterOf("solo");
        (await Post("/api/decisions", new { kind = "merge", cluster = ring, other = solo, why = "same woman" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var noReason = await Post("/api/decisions", new { kind = "hub", identifier = "702-555-0142", why = "" });
        var conflict = await Post("/api/decisions", new { kind = "not-same", adA = "r1", adB = "solo", why = "different" });
        var badKind = await Post("/api/decisions", new { kind = "delete", why = "x" });

        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Error(noReason)).ShouldContain("needs a reason");
        conflict.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Error(conflict)).ShouldContain("conflicts with decision 1 (merge ");
        badKind.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Decision_WithoutTheRequestHeader_IsForbidden_AndReadOnlyRefusesIt()
    {
        var response = await Client.PostAsJsonAsync("/api/decisions", new { kind = "hub", identifier = "702-555-0142", why = "x" });
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var readOnly = new WorkbenchFactory(Case.Options(readOnly: true));
        using var client = readOnly.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/decisions") { Content = JsonContent.Create(new { kind = "hub", identifier = "702-555-0142", why = "x" }) };
        request.Headers.Add("X-Netan-Request", "1");
        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var store = CaseStore.Open(Case.Path);
        store.ListDecisions().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"kind":"hub","identifier":"702-555-0142","why":"   "}""", "a decision needs a reason ('why'): say what the analyst knows that the ads do not")]
    [InlineData("""{"kind":"never-hub","identifier":"702-555-0142"}""", "a decision needs a reason ('why'): say what the analyst knows that the ads do not")]
    [InlineData("""{"kind":"hub","why":"booking line"}""", "the decision needs 'identifier': the identifier to mark")]
    [InlineData("""{"kind":"merge","cluster":"C1","other":" ","why":"same woman"}""", "the decision needs 'other': the other cluster's ID")]
    [InlineData("""{"kind":"split","cluster":"C1","sideA":["r1"],"sideB":[" "],"why":"two women"}""", "the second side of the split ('sideB') names no ad or identifier")]
    [InlineData("""{"kind":"split","cluster":"C1","sideB":["r1"],"why":"two women"}""", "the first side of the split ('sideA') names no ad or identifier")]
    [InlineData("""{"kind":"not-same","adA":"r1","why":"different"}""", "the decision needs 'adB': the second ad")]
    [InlineData("""{"kind":"delete","why":"x"}""", "kind must be hub, never-hub, merge, split or not-same")]
    [InlineData("""{"why":"x"}""", "kind must be hub, never-hub, merge, split or not-same")]
    [InlineData("""{"kind":"hub",""", "a decision is a JSON object: {\"kind\": \"hub\", \"identifier\": \"...\", \"why\": \"...\"}")]
    [InlineData("""null""", "a decision is a JSON object: {\"kind\": \"hub\", \"identifier\": \"...\", \"why\": \"...\"}")]
    [InlineData("""{"kind":"hub","identifier":["not","text"],"why":"x"}""", "a decision is a JSON object: {\"kind\": \"hub\", \"identifier\": \"...\", \"why\": \"...\"}")]
    public async Task MalformedOrIncompleteDecision_Is400WithOneLine_AndStoresNothing(string body, string error)
    {
        var response = await PostRaw(body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Error(response)).ShouldBe(error);
        using var store = CaseStore.Open(Case.Path);
        store.ListDecisions().ShouldBeEmpty();
    }

    [Fact]
    public async Task DecisionOnAnUnknownTarget_Is400NamingIt_AndStoresNothing()
    {
        var ring = ClusterOf("r1");

        var identifier = await Post("/api/decisions", new { kind = "hub", identifier = "702-555-0100", why = "booking line" });
        var cluster = await Post("/api/decisions", new { kind = "merge", cluster = ring, other = "C-nope", why = "same woman" });
        var ad = await Post("/api/decisions", new { kind = "not-same", adA = "r1", adB = "nope", why = "different" });
        var side = await Post("/api/decisions", new { kind = "split", cluster = ring, sideA = new[] { "r1" }, sideB = new[] { "solo" }, why = "two women" });
        var self = await Post("/api/decisions", new { kind = "merge", cluster = ring, other = ring, why = "same woman" });

        foreach (var r in new[] { identifier, cluster, ad, side, self })
        {
            r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        (await Error(identifier)).ShouldBe("no identifier '702-555-0100' in the case (`netan lookup` finds them)");
        (await Error(cluster)).ShouldBe("no cluster C-nope in the current analysis (`netan clusters` lists them)");
        (await Error(ad)).ShouldBe("no ad with key or ID 'nope' in the case");
        (await Error(side)).ShouldBe($"ad solo on the second side is not in cluster {ring}");
        (await Error(self)).ShouldBe($"cannot merge cluster {ring} with itself");
        using var store = CaseStore.Open(Case.Path);
        store.ListDecisions().ShouldBeEmpty();
        store.RecentAudit(100, null).ShouldNotContain(a => a.Action == "decide");
    }

    [Fact]
    public async Task Decision_WithPaddedTargetsAndReason_IsStoredTrimmed()
    {
        var ring = ClusterOf("r1");

        var made = await Post("/api/decisions", new { kind = "split", cluster = " " + ring + " ", sideA = new[] { " r1 ", "" }, sideB = new[] { "amber@example.com" }, why = "  two women  " });

        made.StatusCode.ShouldBe(HttpStatusCode.OK, await made.Content.ReadAsStringAsync());
        using var store = CaseStore.Open(Case.Path);
        var d = store.ListDecisions().ShouldHaveSingleItem();
        (d.Clusters.Single(), d.Why).ShouldBe((ring, "two women"));
        d.SideA.ShouldBe(["r1"]);
        d.SideB.ShouldBe(["r3", "r4"]);
    }

    private async Task<HttpResponseMessage> PostRaw(string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/decisions") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Netan-Request", "1");
        return await Client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> Post(string url, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Netan-Request", "1");
        return await Client.SendAsync(request);
    }

    private static async Task<string> Error(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
}
