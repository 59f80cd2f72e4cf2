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

    private async Task<HttpResponseMessage> Post(string url, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Netan-Request", "1");
        return await Client.SendAsync(request);
    }

    private static async Task<string> Error(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
}
