using NetworkAnalysis.Core.Graphs.Structure;
using NetworkAnalysis.Reporting.Cases;

namespace NetworkAnalysis.Reporting.Tests.Cases;

/// <summary>The one JSON mapping of a cluster's structure and link strength (<c>show --json</c>, <c>explain --json</c>, the workbench).</summary>
public sealed class ClusterStructureJsonTests
{
    // a - phone 0111 - b - phone 0112 - c: both phones and ad b hold the chain together; every mention is a bridge.
    private static readonly ClusterGraph Chain = ClusterGraph.Create(["a", "b", "c"],
        [("a", "phone:+17025550111"), ("b", "phone:+17025550111"), ("b", "phone:+17025550112"), ("c", "phone:+17025550112")]);

    private static string? Id(ClusterNode n) => (n.IsAd ? "a:" : "e:") + n.Label;

    [Fact]
    public void Structure_WithoutNodeIds_HasTheCliShapeOnly()
    {
        var json = ClusterStructureJson.Structure(ClusterGraphAnalysis.Structure(Chain), redact: false);

        ((int)json["ads"]!).ShouldBe(3);
        ((int)json["identifiers"]!).ShouldBe(2);
        ((int)json["links"]!).ShouldBe(4);
        ((int)json["pieces"]!).ShouldBe(1);
        var points = json["articulation_points"]!.AsArray();
        points.Select(p => (string)p!["label"]!).ShouldBe(["phone:+17025550111", "phone:+17025550112", "b"]);
        points[0]!.AsObject().Select(p => p.Key).ShouldBe(["kind", "label", "ads_cut_off"]);
        json["bridges"]!.AsArray()[0]!.AsObject().Select(p => p.Key).ShouldBe(["ad", "to", "weak", "ads_cut_off"]);
    }

    [Fact]
    public void Structure_WithNodeIds_NamesEachNodesGraphId()
    {
        var json = ClusterStructureJson.Structure(ClusterGraphAnalysis.Structure(Chain), redact: false, Id);

        json["articulation_points"]!.AsArray().Select(p => (string)p!["node"]!).ShouldBe(["e:phone:+17025550111", "e:phone:+17025550112", "a:b"]);
        var bridge = json["bridges"]!.AsArray().First(b => (string)b!["ad"]! == "a")!;
        ((string)bridge["ad_node"]!).ShouldBe("a:a");
        ((string)bridge["to_node"]!).ShouldBe("e:phone:+17025550111");
    }

    [Fact]
    public void Structure_Redacted_MasksIdentifierValuesButKeepsTypesAndAdKeys()
    {
        var text = ClusterStructureJson.Structure(ClusterGraphAnalysis.Structure(Chain), redact: true).ToJsonString();

        text.ShouldNotContain("5550111");
        text.ShouldNotContain("5550112");
        text.ShouldContain("\"label\":\"phone:");
        text.ShouldContain("\"label\":\"b\"");
    }

    [Fact]
    public void LinkStrength_NamesPathsCutAndCutNodes()
    {
        var strength = ClusterGraphAnalysis.LinkStrength(Chain, "a", "c");

        var plain = ClusterStructureJson.LinkStrength(strength);
        var withIds = ClusterStructureJson.LinkStrength(strength, Id);

        ((int)plain["edge_disjoint_paths"]!).ShouldBe(1);
        plain["cut_identifiers"]!.AsArray().Select(i => (string)i!).ShouldBe(["phone:+17025550111"]);
        plain["cut"]!.AsArray().Select(i => (string)i!).ShouldBe(["ad a mentions phone:+17025550111"]);
        ((string)plain["explanation"]!).ShouldBe(strength.Describe());
        plain.ContainsKey("cut_nodes").ShouldBeFalse();
        withIds["cut_nodes"]!.AsArray().Select(i => (string)i!).ShouldBe(["a:a", "e:phone:+17025550111"]);
    }
}
