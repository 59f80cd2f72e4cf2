using System.Text.Json.Nodes;
using NetworkAnalysis.Core.Graphs.Structure;
using NetworkAnalysis.Core.Risk;

namespace NetworkAnalysis.Reporting.Cases;

/// <summary>A cluster's structure and the strength of a link between two ads as JSON: the one mapping <c>netan show --json</c>,
/// <c>netan explain --json</c> and the workbench's <c>/api/clusters/{id}/structure</c> and <c>/link</c> share.</summary>
/// <remarks>Labels are the case's text, unescaped (JSON carries them as strings; each host escapes where it renders). A host
/// that draws the graph passes <c>nodeId</c> to add each node's ID in its own graph (the workbench's <c>a:</c>/<c>e:</c> row IDs);
/// without it the output is the same as the CLI's.</remarks>
public static class ClusterStructureJson
{
    /// <summary>Articulation points and bridges with the ads each holds to the rest, plus the graph's counts.</summary>
    /// <param name="structure">The cluster's structure (<see cref="ClusterGraphAnalysis.Structure"/>).</param>
    /// <param name="redact">Mask identifier values (ad keys stay).</param>
    /// <param name="nodeId">The host's ID for a node, added as <c>node</c> (points) and <c>ad_node</c>/<c>to_node</c> (bridges); null adds nothing.</param>
    public static JsonObject Structure(ClusterStructure structure, bool redact, Func<ClusterNode, string?>? nodeId = null)
    {
        ArgumentNullException.ThrowIfNull(structure);
        return new JsonObject
        {
            ["ads"] = structure.Ads,
            ["identifiers"] = structure.Identifiers,
            ["links"] = structure.Edges,
            ["pieces"] = structure.Components,
            ["articulation_points"] = new JsonArray(structure.ArticulationPoints.Select(p => (JsonNode)With(new JsonObject
            {
                ["kind"] = p.Node.IsAd ? "ad" : "identifier", ["label"] = Label(p.Node, redact), ["ads_cut_off"] = p.AdsCutOff,
            }, nodeId, ("node", p.Node))).ToArray()),
            ["bridges"] = new JsonArray(structure.Bridges.Select(b => (JsonNode)With(new JsonObject
            {
                ["ad"] = b.Edge.Source.Label, ["to"] = Label(b.Edge.Target, redact), ["weak"] = b.Edge.IsWeak, ["ads_cut_off"] = b.AdsCutOff,
            }, nodeId, ("ad_node", b.Edge.Source), ("to_node", b.Edge.Target))).ToArray()),
        };
    }

    /// <summary>How many edge-disjoint evidence paths join two ads and what the link hangs on (the minimum cut).</summary>
    /// <param name="strength">The link strength (<see cref="ClusterGraphAnalysis.LinkStrength"/>).</param>
    /// <param name="nodeId">The host's ID for a node: adds <c>cut_nodes</c>, the distinct nodes at the ends of the cut's links; null adds nothing.</param>
    public static JsonObject LinkStrength(LinkStrength strength, Func<ClusterNode, string?>? nodeId = null)
    {
        ArgumentNullException.ThrowIfNull(strength);
        var json = new JsonObject
        {
            ["edge_disjoint_paths"] = strength.EdgeDisjointPaths,
            ["cut_identifiers"] = new JsonArray(strength.CutIdentifiers.Select(i => (JsonNode)JsonValue.Create(i.Label)).ToArray()),
            ["cut"] = new JsonArray(strength.Cut.Select(e => (JsonNode)JsonValue.Create(e.ToString())).ToArray()),
            ["explanation"] = strength.Describe(),
        };
        if (nodeId is not null)
        {
            var nodes = strength.Cut.SelectMany(e => new[] { e.Source, e.Target }).Distinct().Select(nodeId).OfType<string>();
            json["cut_nodes"] = new JsonArray(nodes.Select(n => (JsonNode)JsonValue.Create(n)).ToArray());
        }

        return json;
    }

    private static JsonObject With(JsonObject json, Func<ClusterNode, string?>? nodeId, params (string Key, ClusterNode Node)[] nodes)
    {
        if (nodeId is not null)
        {
            foreach (var (key, node) in nodes)
            {
                json[key] = nodeId(node);
            }
        }

        return json;
    }

    /// <summary>A node's label, an identifier's value masked when redacting (its type stays; ad keys are never masked).</summary>
    /// <param name="node">The ad or identifier.</param>
    /// <param name="redact">Mask the identifier's value.</param>
    public static string Label(ClusterNode node, bool redact)
    {
        if (node.IsAd || !redact)
        {
            return node.Label;
        }

        var colon = node.Label.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? Redactor.Mask(node.Label) : node.Label[..(colon + 1)] + Redactor.Mask(node.Label[(colon + 1)..]);
    }
}
