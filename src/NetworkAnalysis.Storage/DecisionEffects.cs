namespace NetworkAnalysis.Storage;

/// <summary>
/// Where the standing decisions of a case show in exports, one line each ("#3 merged by J. Doe on 2026-03-02: …"):
/// on the ads a merge, split or not-same names, and on the identifier a hub or never-hub decision names. Every export
/// (GraphML, GEXF, Cytoscape, Neo4j, the ads CSV, Parquet, FollowTheMoney) takes its <c>decisions</c> field from here.
/// </summary>
public sealed class DecisionEffects
{
    private readonly Dictionary<string, List<string>> _byAd = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byIdentifier = new(StringComparer.Ordinal);

    /// <summary>The effects of <paramref name="decisions"/> (undone ones are left out).</summary>
    public DecisionEffects(IEnumerable<AnalystDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        foreach (var d in decisions.Where(d => d.IsActive))
        {
            if (d.Identifier is { } identifier)
            {
                _byIdentifier[identifier] = Line(d);
                continue;
            }

            foreach (var key in d.SideA.Concat(d.SideB).Distinct(StringComparer.Ordinal))
            {
                if (!_byAd.TryGetValue(key, out var lines))
                {
                    _byAd[key] = lines = [];
                }

                lines.Add(Line(d));
            }
        }
    }

    /// <summary>No decision at all.</summary>
    public bool IsEmpty => _byAd.Count == 0 && _byIdentifier.Count == 0;

    /// <summary>The line of one decision: its ID and its effect.</summary>
    public static string Line(AnalystDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return $"#{decision.Id} {decision.Effect()}";
    }

    /// <summary>The lines of the decisions naming ad <paramref name="adKey"/>, oldest first (empty if none).</summary>
    public IReadOnlyList<string> ForAd(string adKey) => _byAd.TryGetValue(adKey, out var lines) ? lines : [];

    /// <summary>The line of the decision on identifier <paramref name="identifier"/> (<c>type:value</c>), or null.</summary>
    public string? ForIdentifier(string identifier) => _byIdentifier.GetValueOrDefault(identifier);

    /// <summary>The lines for ad <paramref name="adKey"/> as one field (joined by newlines), or null when none: the form of every export's <c>decisions</c> column.</summary>
    public string? AdField(string adKey) => _byAd.TryGetValue(adKey, out var lines) ? string.Join("\n", lines) : null;
}
