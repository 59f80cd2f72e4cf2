using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Graphs;
using NetworkAnalysis.Core.Graphs.Synthetic;

namespace NetworkAnalysis.Core.Tests.Clustering;

public sealed class ClusteringEngineIncrementalTests
{
    [Theory]
    [InlineData(1, 4_000)]
    [InlineData(2, 4_500)]
    [InlineData(3, 3_000)]
    public void Update_NewAdsAppended_EqualsFullRecompute(int seed, int oldAds)
    {
        // Given a planted corpus of 5,000 ads, of which the first oldAds were clustered before
        var full = PlantedIncidenceGenerator.Generate(new PlantedIncidenceOptions { Ads = 5_000, Seed = seed });
        var (old, oldWeak) = Prefix(full, oldAds);
        var options = new ClusteringOptions();
        var previous = ClusteringEngine.Run(old, oldWeak, options);
        var change = Change(full, oldAds);

        // When
        var incremental = ClusteringEngine.Update(previous, old.AdKeys, full.Incidence, full.WeakLinks, change, options);
        var recomputed = ClusteringEngine.Run(full.Incidence, full.WeakLinks, options);

        // Then
        incremental.Statistics.ComponentsReused.ShouldBeGreaterThan(0);
        incremental.AdCluster.ShouldBe(recomputed.AdCluster);
        incremental.Clusters.Count.ShouldBe(recomputed.Clusters.Count);
        for (var c = 0; c < recomputed.Clusters.Count; c++)
        {
            var (x, y) = (incremental.Clusters[c], recomputed.Clusters[c]);
            x.Id.ShouldBe(y.Id);
            x.ComponentId.ShouldBe(y.ComponentId);
            x.AdIndexes.ShouldBe(y.AdIndexes);
            x.Cohesion.ShouldBe(y.Cohesion);
            x.Bridges.ShouldBe(y.Bridges);
        }
    }

    [Theory]
    [InlineData(1, 4_000, 20, 3)]
    [InlineData(2, 4_500, 12, 2)]
    [InlineData(4, 3_500, 25, 4)]
    public void Update_NewAdsMentionHubs_PreviousHubsExemptTheirAds_EqualsFullRecompute(int seed, int oldAds, int maxAds, int maxGroups)
    {
        // Given a planted corpus with low hub thresholds, so that new ads mention hubs shared with many old components
        var full = PlantedIncidenceGenerator.Generate(new PlantedIncidenceOptions { Ads = 5_000, Seed = seed });
        var (old, oldWeak) = Prefix(full, oldAds);
        var options = new ClusteringOptions { Hubs = new HubOptions { MaxAdDegree = maxAds, MaxGroups = maxGroups } };
        var previous = ClusteringEngine.Run(old, oldWeak, options);
        var previousHubs = previous.Hubs!.Hubs.Select(h => (h.Type, h.Value)).ToHashSet();
        var change = Change(full, oldAds);
        change.TouchedEntities.Count(previousHubs.Contains).ShouldBeGreaterThan(0);

        // When updated with the previous hubs known, and without
        var exempt = ClusteringEngine.Update(previous, old.AdKeys, full.Incidence, full.WeakLinks, change with { PreviousHubs = previousHubs }, options);
        var plain = ClusteringEngine.Update(previous, old.AdKeys, full.Incidence, full.WeakLinks, change, options);
        var recomputed = ClusteringEngine.Run(full.Incidence, full.WeakLinks, options);

        // Then more components were taken over, and the result is still the full recompute's, cluster for cluster
        exempt.Statistics.ComponentsReused.ShouldBeGreaterThan(plain.Statistics.ComponentsReused);
        exempt.AdCluster.ShouldBe(recomputed.AdCluster);
        exempt.Clusters.Count.ShouldBe(recomputed.Clusters.Count);
        for (var c = 0; c < recomputed.Clusters.Count; c++)
        {
            var (x, y) = (exempt.Clusters[c], recomputed.Clusters[c]);
            x.Id.ShouldBe(y.Id);
            x.ComponentId.ShouldBe(y.ComponentId);
            x.AdIndexes.ShouldBe(y.AdIndexes);
            BitConverter.DoubleToInt64Bits(x.Cohesion).ShouldBe(BitConverter.DoubleToInt64Bits(y.Cohesion));
            x.Bridges.ShouldBe(y.Bridges);
        }
    }

    [Fact]
    public void Update_NothingTouched_ReusesEveryMultiAdComponent()
    {
        // Given
        var planted = PlantedIncidenceGenerator.Generate(new PlantedIncidenceOptions { Ads = 2_000, Seed = 9 });
        var options = new ClusteringOptions();
        var previous = ClusteringEngine.Run(planted.Incidence, planted.WeakLinks, options);

        // When
        var again = ClusteringEngine.Update(previous, planted.Incidence.AdKeys, planted.Incidence, planted.WeakLinks, new IncrementalChange(), options);

        // Then
        again.Statistics.ComponentsReused.ShouldBe(previous.Clusters.Select(c => c.ComponentId).Distinct().Count(id => previous.Clusters.Where(c => c.ComponentId == id).Sum(c => c.Size) > 1));
        again.AdCluster.ShouldBe(previous.AdCluster);
    }

    private static (AdEntityIncidence, WeakLink[]) Prefix(PlantedIncidence full, int ads)
    {
        var inc = full.Incidence;
        var keep = Enumerable.Range(0, inc.LinkCount).Where(i => inc.LinkAds[i] < ads).ToArray();
        var incidence = new AdEntityIncidence(inc.AdKeys[..ads], inc.EntityTypes, inc.EntityValues, keep.Select(i => inc.LinkAds[i]).ToArray(), keep.Select(i => inc.LinkEntities[i]).ToArray());
        return (incidence, full.WeakLinks.Where(l => l.AdA < ads && l.AdB < ads).ToArray());
    }

    private static IncrementalChange Change(PlantedIncidence full, int oldAds)
    {
        var inc = full.Incidence;
        var touchedAds = new HashSet<string>(inc.AdKeys[oldAds..]);
        foreach (var l in full.WeakLinks.Where(l => l.AdA >= oldAds || l.AdB >= oldAds))
        {
            touchedAds.Add(inc.AdKeys[l.AdA]);
            touchedAds.Add(inc.AdKeys[l.AdB]);
        }

        var touchedEntities = Enumerable.Range(0, inc.LinkCount).Where(i => inc.LinkAds[i] >= oldAds)
            .Select(i => (inc.EntityTypes[inc.LinkEntities[i]], inc.EntityValues[inc.LinkEntities[i]])).ToHashSet();
        return new IncrementalChange { TouchedAdKeys = touchedAds, TouchedEntities = touchedEntities };
    }
}
