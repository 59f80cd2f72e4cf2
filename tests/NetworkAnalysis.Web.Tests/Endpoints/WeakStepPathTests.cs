using System.Text.Json;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web.Tests.Endpoints;

/// <summary>The path endpoint over a near-duplicate photo: two ads share no identifier, only photos one pHash bit apart.</summary>
public sealed class WeakStepPathTests() : WorkbenchApiTestBase(WorkbenchCase.WithRows(
    // pHash distance 1: similarity 1 - 1/64 = 0.984375, above the join threshold 0.95, so the two ads form one cluster.
    new { id = "p1", title = "Velvet lounge", body = "relaxing evenings downtown, ask about the blue room", city = "Reno", posted_at = "2026-03-01T10:00:00Z", image_hashes = "phash:c3a5f00f3c5a0ff1" },
    new { id = "p2", title = "Garden studio", body = "quiet afternoons near the river, weekday slots", city = "Sparks", posted_at = "2026-03-02T10:00:00Z", image_hashes = "phash:c3a5f00f3c5a0ff0" }))
{
    [Fact]
    public async Task Path_BetweenAdsSharingOnlyANearDuplicatePhoto_IsOneWeakImageStep()
    {
        long p1, p2;
        string cluster;
        using (var store = CaseStore.Open(Case.Path))
        {
            p1 = store.FindAdId("p1")!.Value;
            p2 = store.FindAdId("p2")!.Value;
            var memberships = store.Memberships().ToList();
            cluster = memberships.Single(m => m.AdKey == "p1").ClusterId!;
            memberships.Single(m => m.AdKey == "p2").ClusterId.ShouldBe(cluster, "the photo link (similarity >= 0.95) joins the two ads");
        }

        var result = await Get($"/api/clusters/{cluster}/path?from={p1}&to={p2}");

        result.GetProperty("found").GetBoolean().ShouldBeTrue();
        result.GetProperty("source").GetString().ShouldBe("engine");
        result.GetProperty("path").EnumerateArray().Select(p => p.GetString()).ShouldBe(["a:" + p1, "a:" + p2]);
        var step = result.GetProperty("steps").EnumerateArray().ShouldHaveSingleItem();
        step.GetProperty("kind").GetString().ShouldBe("similar_image");
        step.GetProperty("entity").ValueKind.ShouldBe(JsonValueKind.Null);
        step.GetProperty("similarity").GetDouble().ShouldBe(1 - (1 / 64.0), 1e-9);
        step.GetProperty("via").GetString().ShouldBe("near-duplicate image (similarity 0.98)");
        step.GetProperty("from").GetInt64().ShouldBe(p1);
        step.GetProperty("to").GetInt64().ShouldBe(p2);
        result.GetProperty("explanation").GetString()!.ShouldContain("near-duplicate image (similarity 0.98)");
    }

    [Fact]
    public async Task Path_ThroughIdentifiers_StepsCarryIdentifierKindAndNoSimilarity()
    {
        long r1, r2;
        using (var store = CaseStore.Open(Case.Path))
        {
            r1 = store.FindAdId("r1")!.Value;
            r2 = store.FindAdId("r2")!.Value;
        }

        var result = await Get($"/api/clusters/{ClusterOf("r1")}/path?from={r1}&to={r2}");

        var step = result.GetProperty("steps").EnumerateArray().ShouldHaveSingleItem();
        step.GetProperty("kind").GetString().ShouldBe("identifier");
        step.GetProperty("entity").ValueKind.ShouldBe(JsonValueKind.Number);
        step.GetProperty("similarity").ValueKind.ShouldBe(JsonValueKind.Null);
        step.GetProperty("via").GetString()!.ShouldStartWith("phone:");
    }
}
