using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web.Tests.Endpoints;

/// <summary>The cluster's structure in the workbench: articulation points, bridges and link strength on a chain whose cuts are known.</summary>
/// <remarks>
/// The chain: s1 and s2 share phone 0111; s2 and s3 share 0111 and 0112 (two independent paths); s3 and the ad
/// <see cref="Hostile"/> share 0112; that ad and s5 share 0113. So phone 0112 holds two ads (the hostile one and s5) to the
/// rest, 0111, 0113 and the hostile ad hold one each; s2 and s3 are joined twice over, s1 and s5 once.
/// </remarks>
public sealed class ClusterStructureApiTests() : WorkbenchApiTestBase(Chain())
{
    /// <summary>An ad key that is markup, with a right-to-left override: the JSON must carry it as it is (the page escapes it).</summary>
    public const string Hostile = "<img src=x onerror=window.__xss=1>\u202Es4";

    internal static WorkbenchCase Chain() => new(
        ("s1", "Lakeside", "call 702-555-0111 after six", "Reno"),
        ("s2", "Lakeside again", "call 702-555-0111 or 702-555-0112", "Reno"),
        ("s3", "Lakeside studio", "702-555-0112 and 702-555-0111 both work", "Sparks"),
        (Hostile, "Lakeside <b>new</b>", "text 702-555-0112 or 702-555-0113", "Sparks"),
        ("s5", "Lakeside late", "only 702-555-0113", "Carson City"));

    private (string Cluster, Dictionary<string, long> Ads) Ids()
    {
        using var store = CaseStore.Open(Case.Path);
        var cluster = ClusterOf("s1");
        var ads = new[] { "s1", "s2", "s3", Hostile, "s5" }.ToDictionary(k => k, k => store.FindAdId(k)!.Value, StringComparer.Ordinal);
        store.Memberships().Where(m => ads.ContainsKey(m.AdKey)).Select(m => m.ClusterId).Distinct().ShouldBe([cluster], "the chain is one cluster");
        return (cluster, ads);
    }

    [Fact]
    public async Task Structure_OfAChain_ListsTheKnownCutIdentifierFirst_WithGraphNodeIds()
    {
        var (cluster, ads) = Ids();

        var s = await Get($"/api/clusters/{Uri.EscapeDataString(cluster)}/structure");

        s.GetProperty("ads").GetInt32().ShouldBe(5);
        s.GetProperty("identifiers").GetInt32().ShouldBe(3);
        s.GetProperty("pieces").GetInt32().ShouldBe(1);
        var points = s.GetProperty("articulation_points").EnumerateArray().ToList();
        points.Select(p => (p.GetProperty("label").GetString(), p.GetProperty("ads_cut_off").GetInt32())).ShouldBe(
        [
            ("phone:+17025550112", 2), ("phone:+17025550111", 1), ("phone:+17025550113", 1), (Hostile, 1),
        ]);
        points[0].GetProperty("kind").GetString().ShouldBe("identifier");
        points[3].GetProperty("kind").GetString().ShouldBe("ad");
        points[3].GetProperty("node").GetString().ShouldBe("a:" + ads[Hostile]);
        var phone = points[0].GetProperty("node").GetString()!;
        phone.ShouldStartWith("e:");

        // The node ID is the identifier's in the workbench graph of the same cluster.
        var graph = await Get($"/api/clusters/{Uri.EscapeDataString(cluster)}/graph");
        graph.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("id").GetString() == phone)
            .GetProperty("label").GetString()!.ShouldContain("555");

        var bridges = s.GetProperty("bridges").EnumerateArray().ToList();
        bridges.Select(b => (b.GetProperty("ad").GetString(), b.GetProperty("to").GetString(), b.GetProperty("ads_cut_off").GetInt32())).ShouldBe(
        [
            (Hostile, "phone:+17025550112", 2), (Hostile, "phone:+17025550113", 1), ("s1", "phone:+17025550111", 1), ("s5", "phone:+17025550113", 1),
        ], ignoreOrder: true);
        bridges.First().GetProperty("ad_node").GetString().ShouldBe("a:" + ads[Hostile]);
        bridges.First().GetProperty("to_node").GetString().ShouldBe(phone);
    }

    [Fact]
    public async Task Link_CountsEdgeDisjointPaths_AndNamesWhatAThinLinkHangsOn()
    {
        var (cluster, ads) = Ids();
        var url = $"/api/clusters/{Uri.EscapeDataString(cluster)}/link";

        var twice = await Get($"{url}?from={ads["s2"]}&to={ads["s3"]}");
        var once = await Get($"{url}?from={ads["s1"]}&to={ads["s5"]}");

        twice.GetProperty("edge_disjoint_paths").GetInt32().ShouldBe(2);
        twice.GetProperty("cut_identifiers").EnumerateArray().Select(i => i.GetString()).ShouldBe(["phone:+17025550111", "phone:+17025550112"]);
        once.GetProperty("edge_disjoint_paths").GetInt32().ShouldBe(1);
        once.GetProperty("cut_identifiers").EnumerateArray().Select(i => i.GetString()).ShouldBe(["phone:+17025550111"]);
        once.GetProperty("cut_nodes").EnumerateArray().Select(n => n.GetString()!).ShouldContain("a:" + ads["s1"]);
        once.GetProperty("explanation").GetString()!.ShouldContain("1 independent evidence path");
    }

    [Fact]
    public async Task Link_AdOutsideTheCluster_OrMissingOrSame_IsOneClearError()
    {
        var (cluster, ads) = Ids();
        long solo;
        using (var store = CaseStore.Open(Case.Path))
        {
            solo = store.FindAdId("solo")!.Value;
        }

        var url = $"/api/clusters/{Uri.EscapeDataString(cluster)}/link";
        foreach (var (query, error) in new[]
        {
            ($"?from={ads["s1"]}&to={solo}", "both ads must be in cluster"),
            ($"?from={ads["s1"]}", "from and to must be"),
            ($"?from={ads["s1"]}&to={ads["s1"]}", "two different ads"),
        })
        {
            var response = await Client.GetAsync(url + query);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, query);
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!.ShouldContain(error);
        }

        (await Client.GetAsync("/api/clusters/no-such-cluster/structure")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
