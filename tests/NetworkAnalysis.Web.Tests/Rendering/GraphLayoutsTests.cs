using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Web.Rendering;

namespace NetworkAnalysis.Web.Tests.Rendering;

public sealed class GraphLayoutsTests
{
    /// <summary>20 identifiers with 30 ads each (600 ads), every ad also naming the next identifier: one connected cluster.</summary>
    private static GraphFragment Communities()
    {
        var ads = new List<GraphAd>();
        var links = new List<(long, long)>();
        for (var e = 0; e < 20; e++)
        {
            for (var k = 0; k < 30; k++)
            {
                var id = 1 + (e * 30) + k;
                ads.Add(new GraphAd(id, "ad" + id, "c1", null, null, null));
                links.Add((id, 10_000 + e));
                if (k == 0)
                {
                    links.Add((id, 10_000 + ((e + 1) % 20)));
                }
            }
        }

        var entities = Enumerable.Range(0, 20).Select(e => new GraphEntity(10_000 + e, "phone", "+1702555" + (100 + e), 31, 1)).ToList();
        return new GraphFragment(ads, entities, links, ads.Count);
    }

    [Fact]
    public void Compute_LargeFragment_PlacesEveryNodeDeterministicallyAndLinkedNodesClose()
    {
        // Given
        var fragment = Communities();

        // When
        var first = GraphLayouts.Compute(fragment);
        var second = GraphLayouts.Compute(fragment);

        // Then: every node has a position, the same each time, and an ad sits far closer to its identifier than to a random ad
        first.ById.Count.ShouldBe(620);
        first.ById.ShouldBe(second.ById);
        double Distance(string a, string b) => Math.Sqrt(Math.Pow(first.ById[a].X - first.ById[b].X, 2) + Math.Pow(first.ById[a].Y - first.ById[b].Y, 2));
        var linked = fragment.Links.Average(l => Distance("a:" + l.Ad, "e:" + l.Entity));
        var random = new Random(3);
        var unrelated = Enumerable.Range(0, 2000).Average(_ => Distance("a:" + random.Next(1, 601), "a:" + random.Next(1, 601)));
        linked.ShouldBeLessThan(unrelated / 3);
    }

    [Fact]
    public void For_SmallFragment_LeavesTheLayoutToTheBrowser()
    {
        var small = new GraphFragment([new GraphAd(1, "a", "c", null, null, null)], [new GraphEntity(2, "phone", "+17025550100", 1, 1)], [(1L, 2L)], 1);

        new GraphLayouts().For("c", 100, small).ShouldBeNull();
    }

    [Fact]
    public async Task GraphEndpoint_LargeCluster_SendsServerPositions_UnlessTheClientAsksToLayOutItself()
    {
        // Given: a cluster of 320 ads sharing one phone, each with its own e-mail (641 nodes), and the small ring
        var extra = Enumerable.Range(0, 320).Select(i => ($"big{i:000}", "Big ring", $"call 702-555-0150 or mail big{i}@example.com", (string?)"Reno")).ToArray();
        using var testCase = new WorkbenchCase(extra);
        using var factory = new WorkbenchFactory(testCase.Options());
        using var client = factory.CreateClient();
        string big, ring;
        using (var store = CaseStore.Open(testCase.Path))
        {
            var members = store.Memberships().ToList();
            big = members.Single(m => m.AdKey == "big000").ClusterId!;
            ring = members.Single(m => m.AdKey == "r1").ClusterId!;
        }

        // When
        var server = await client.GetFromJsonAsync<JsonElement>($"/api/clusters/{big}/graph");
        var clientSide = await client.GetFromJsonAsync<JsonElement>($"/api/clusters/{big}/graph?layout=client");
        var small = await client.GetFromJsonAsync<JsonElement>($"/api/clusters/{ring}/graph");

        // Then
        server.GetProperty("layout").GetString().ShouldBe("server");
        var nodes = server.GetProperty("ads").EnumerateArray().Concat(server.GetProperty("entities").EnumerateArray()).ToList();
        nodes.Count.ShouldBe(641);
        nodes.ShouldAllBe(n => n.GetProperty("x").ValueKind == JsonValueKind.Number && n.GetProperty("y").ValueKind == JsonValueKind.Number);
        nodes.Select(n => (n.GetProperty("x").GetInt32(), n.GetProperty("y").GetInt32())).Distinct().Count().ShouldBeGreaterThan(600);
        clientSide.GetProperty("layout").ValueKind.ShouldBe(JsonValueKind.Null);
        clientSide.GetProperty("ads")[0].GetProperty("x").ValueKind.ShouldBe(JsonValueKind.Null);
        small.GetProperty("layout").ValueKind.ShouldBe(JsonValueKind.Null);
        (await client.GetAsync($"/api/clusters/{big}/graph?layout=client")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
