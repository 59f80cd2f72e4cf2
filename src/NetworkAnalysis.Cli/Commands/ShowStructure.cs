using NetworkAnalysis.Core.Graphs.Structure;
using NetworkAnalysis.Reporting.Cases;
using NetworkAnalysis.Storage;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

/// <summary>The "what holds it together" part of <c>netan show</c>: articulation points and bridges of the cluster's ad–identifier graph.</summary>
internal static class ShowStructure
{
    /// <summary>Articulation points and bridges listed at most, each.</summary>
    private const int Listed = 5;

    /// <summary>The cluster's structure, or null when the case has no such cluster.</summary>
    public static ClusterStructure? Load(CaseStore store, string clusterId, CancellationToken ct)
        => store.LoadClusterGraph(clusterId, ct: ct) is { } graph ? ClusterGraphAnalysis.Structure(graph) : null;

    /// <summary>Writes the section to the console; ad text and identifiers are escaped.</summary>
    public static void Render(IAnsiConsole console, ClusterStructure s, bool redact)
    {
        string Safe(string text) => Markup.Escape(LogText.Safe(text, 200));
        console.WriteLine();
        console.MarkupLine("[bold]What holds it together[/] [dim](articulation points and bridges of the ad–identifier graph)[/]");
        console.MarkupLineInterpolated($"  {s.Ads:N0} ads, {s.Identifiers:N0} linking identifiers, {s.Edges:N0} links, {s.Components:N0} piece(s)");
        if (s.ArticulationPoints.Count == 0 && s.Bridges.Count == 0)
        {
            console.WriteLine("  No single identifier, ad or link holds it together: removing any one leaves it in one piece.");
            return;
        }

        foreach (var p in s.ArticulationPoints.Take(Listed))
        {
            console.MarkupLine($"  - {Safe(p.Node.IsAd ? "ad " + p.Node.Label : Label(p.Node, redact))} holds {p.AdsCutOff:N0} ad(s) to the rest");
        }

        More(console, s.ArticulationPoints.Count, "articulation points");
        foreach (var b in s.Bridges.Take(Listed))
        {
            var link = b.Edge.IsWeak ? b.Edge.ToString() : $"ad {b.Edge.Source.Label} mentions {Label(b.Edge.Target, redact)}";
            console.MarkupLine($"  - bridge: {Safe(link)} holds {b.AdsCutOff:N0} ad(s) to the rest");
        }

        More(console, s.Bridges.Count, "bridges");
    }

    private static void More(IAnsiConsole console, int count, string what)
    {
        if (count > Listed)
        {
            console.MarkupLineInterpolated($"  [dim]… {count - Listed:N0} more {what} (use --json)[/]");
        }
    }

    private static string Label(ClusterNode node, bool redact) => ClusterStructureJson.Label(node, redact);
}
