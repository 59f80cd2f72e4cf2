using System.Globalization;
using System.Text.Json;
using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Storage;

/// <summary>Turns the case's standing decisions into the constraints clustering honours, and says which no longer apply.</summary>
/// <remarks>
/// Kept apart from <see cref="CaseAnalyzer"/> so the analysis pipeline only calls it. A decision whose ads or identifier
/// are all gone from the case no longer applies and is reported (never dropped silently); one that lost some of its ads
/// applies to the rest, with a note. For an incremental analysis, the ads and identifiers of every decision made or undone
/// since the previous run are added to the change, so the result equals a full analysis with the same decisions.
/// </remarks>
internal sealed class DecisionApplier
{
    private DecisionApplier(IReadOnlyList<AnalystDecision> active) => Active = active;

    /// <summary>The decisions not undone, oldest first.</summary>
    public IReadOnlyList<AnalystDecision> Active { get; }

    /// <summary>The IDs of <see cref="Active"/>, as recorded in the analyze run's parameters.</summary>
    public long[] ActiveIds => [.. Active.Select(d => d.Id)];

    /// <summary>Reads the standing decisions of <paramref name="store"/>.</summary>
    public static DecisionApplier Load(CaseStore store) => new(store.ListDecisions(includeUndone: false));

    /// <summary>The constraints for <paramref name="incidence"/> and how each decision fares against it.</summary>
    public (ClusteringDecisions Decisions, IReadOnlyList<DecisionOutcome> Outcomes) Resolve(AdEntityIncidence incidence)
    {
        if (Active.Count == 0)
        {
            return (ClusteringDecisions.None, []);
        }

        var adIndex = new Dictionary<string, int>(incidence.AdCount, StringComparer.Ordinal);
        for (var a = 0; a < incidence.AdCount; a++)
        {
            adIndex[incidence.AdKeys[a]] = a;
        }

        Dictionary<string, int>? entityIndex = null;
        if (Active.Any(d => d.Identifier is not null))
        {
            // Only identifiers some ad still mentions: an entity row can outlive its mentions.
            var mentioned = new bool[incidence.EntityCount];
            foreach (var e in incidence.LinkEntities)
            {
                mentioned[e] = true;
            }

            entityIndex = new Dictionary<string, int>(incidence.EntityCount, StringComparer.Ordinal);
            for (var e = 0; e < incidence.EntityCount; e++)
            {
                if (mentioned[e])
                {
                    entityIndex[incidence.EntityTypes[e].ToName() + ":" + incidence.EntityValues[e]] = e;
                }
            }
        }

        List<int> hubs = [], neverHubs = [];
        List<IReadOnlyList<int>> mustLink = [];
        List<AdSeparation> separations = [];
        var outcomes = new List<DecisionOutcome>(Active.Count);
        foreach (var d in Active)
        {
            if (d.Identifier is { } label)
            {
                if (entityIndex!.TryGetValue(label, out var e))
                {
                    (d.Kind == DecisionKind.Hub ? hubs : neverHubs).Add(e);
                    outcomes.Add(new DecisionOutcome(d, true, null));
                }
                else
                {
                    outcomes.Add(new DecisionOutcome(d, false, $"{label} is no longer mentioned by any ad of the case"));
                }

                continue;
            }

            var a = Present(d.SideA);
            var b = Present(d.SideB);
            var named = d.SideA.Count + d.SideB.Count;
            var gone = named - a.Length - b.Length;
            if (a.Length == 0 || b.Length == 0)
            {
                var which = d.Kind switch
                {
                    DecisionKind.Merge => $"cluster {d.Clusters[a.Length == 0 ? 0 : Math.Min(1, d.Clusters.Count - 1)]}",
                    DecisionKind.Split => a.Length == 0 ? "the first side" : "the second side",
                    _ => a.Length == 0 ? $"ad {string.Join(", ", d.SideA)}" : $"ad {string.Join(", ", d.SideB)}",
                };
                outcomes.Add(new DecisionOutcome(d, false, $"no ad of {which} is in the case any longer"));
                continue;
            }

            if (d.Kind == DecisionKind.Merge)
            {
                mustLink.Add([.. a, .. b]);
            }
            else
            {
                separations.Add(new AdSeparation(a, b));
            }

            outcomes.Add(new DecisionOutcome(d, true, gone == 0 ? null
                : string.Create(CultureInfo.InvariantCulture, $"{gone} of its {named} ads are no longer in the case; applied to the rest")));
        }

        return (new ClusteringDecisions { Hubs = hubs, NeverHubs = neverHubs, MustLink = mustLink, Separations = separations }, outcomes);

        int[] Present(IReadOnlyList<string> keys) => [.. keys.Select(k => adIndex.TryGetValue(k, out var i) ? i : -1).Where(i => i >= 0)];
    }

    /// <summary>
    /// <paramref name="change"/> plus the ads and identifiers of every decision made or undone since the run whose
    /// parameters are <paramref name="previousParameters"/> (all standing decisions when that run did not record them).
    /// </summary>
    public IncrementalChange Touch(IncrementalChange change, string? previousParameters, IReadOnlyList<AnalystDecision> all)
    {
        var before = PreviousIds(previousParameters);
        var now = ActiveIds.ToHashSet();
        var changed = all.Where(d => now.Contains(d.Id) != (before?.Contains(d.Id) ?? false)).ToList();
        if (changed.Count == 0)
        {
            return change;
        }

        var ads = new HashSet<string>(change.TouchedAdKeys, StringComparer.Ordinal);
        var entities = new HashSet<(EntityType, string)>(change.TouchedEntities);
        foreach (var d in changed)
        {
            ads.UnionWith(d.SideA);
            ads.UnionWith(d.SideB);
            if (d.Identifier is { } label && label.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon
                && EntityTypeNames.TryParse(label[..colon], out var type))
            {
                entities.Add((type, label[(colon + 1)..]));
            }
        }

        return new IncrementalChange { TouchedAdKeys = ads, TouchedEntities = entities };
    }

    private static HashSet<long>? PreviousIds(string? parameters)
    {
        if (parameters is null)
        {
            return null;
        }

        using var doc = JsonDocument.Parse(parameters);
        return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("decisions", out var ids) && ids.ValueKind == JsonValueKind.Array
            ? [.. ids.EnumerateArray().Select(i => i.GetInt64())]
            : null;
    }
}
