using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Reporting.Text;

namespace NetworkAnalysis.Reporting.Exports;

/// <summary>A spreadsheet-safe CSV of ads (one row per ad, its identifiers joined), for analysts who work in Excel.</summary>
/// <remarks>Every cell goes through <see cref="SafeCsv"/>: cells that a spreadsheet would run as a formula are prefixed with an apostrophe.</remarks>
public sealed class AdCsvExporter : IGraphExporter
{
    /// <summary>The header row. <c>decisions</c>: the standing analyst decisions naming the ad, one line each (as the Neo4j ads CSV carries them).</summary>
    public static IReadOnlyList<string> Header { get; } = ["ad_key", "posted_at", "city", "cluster_id", "identifiers", "text", "decisions"];

    /// <inheritdoc/>
    public string Format => "csv";

    /// <summary>Whether identifier values are written in full; masked otherwise.</summary>
    public bool ShowIdentifiers { get; init; } = true;

    /// <inheritdoc/>
    public IReadOnlyList<string> Export(CaseGraph graph, string directory, CancellationToken cancellationToken = default) =>
        [ExportFiles.Text(directory, "ads.csv", w => Write(graph, w, cancellationToken), bom: true)];

    /// <summary>Writes the CSV to <paramref name="writer"/>.</summary>
    public void Write(CaseGraph graph, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(writer);
        var entities = graph.Entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var byAd = graph.Links.Where(l => l.Kind == ReportLinkKind.Mentions && entities.ContainsKey(l.Target))
            .GroupBy(l => l.Source, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(l => entities[l.Target]).DistinctBy(e => e.Id).ToList(), StringComparer.Ordinal);
        // Masked, the text column masks every identifier in it too (its mentions and any other occurrence of a value).
        var needles = ShowIdentifiers ? null : AdTextDisplay.Needles(graph);
        var mentions = ShowIdentifiers ? null : graph.Mentions.GroupBy(m => m.AdKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        SafeCsv.WriteRow(writer, Header);
        foreach (var ad in graph.Ads)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ids = byAd.TryGetValue(ad.Key, out var es)
                ? string.Join("; ", es.Select(e => e.Type + ":" + IdentifierMasker.MaskUnless(e.Value, ShowIdentifiers)))
                : "";
            var text = needles is null ? ad.Text : AdTextDisplay.MaskedText(ad.Text, mentions!.TryGetValue(ad.Key, out var ms) ? ms : [], needles);
            SafeCsv.WriteRow(writer, [ad.Key, ad.PostedAt?.ToString("O"), ad.City, ad.ClusterId, ids, Utf16.Scrub(text),
                ad.Decisions.Count == 0 ? null : Utf16.Scrub(string.Join("\n", ad.Decisions))]);
        }
    }
}
