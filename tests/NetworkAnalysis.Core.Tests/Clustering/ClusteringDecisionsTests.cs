using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Core.Graphs;
using NetworkAnalysis.Core.Graphs.Synthetic;

namespace NetworkAnalysis.Core.Tests.Clustering;

public sealed class ClusteringDecisionsTests
{
    private static readonly ClusteringOptions Options = new();

    [Fact]
    public void Hub_StopsALineTheRuleMisses_FromGluingTwoRings()
    {
        // Given two rings of four ads glued by one booking line in one ad of each (two groups: under the hub limit)
        var inc = new IncidenceBuilder().Ring("a", 4, "phone:1").Ring("b", 4, "phone:2").Ad("a00", "phone:9").Ad("b00", "phone:9").Build();
        var booking = Entity(inc, "9");
        ClusteringEngine.Run(inc, [], Options).Clusters.Count.ShouldBe(1);

        // When the line is decided a hub
        var decided = ClusteringEngine.RunWithDecisions(inc, [], Options, new ClusteringDecisions { Hubs = [booking] });

        // Then the rings stand apart and the line is listed as a decided hub
        decided.Clusters.Select(c => c.Size).ShouldBe([4, 4]);
        decided.Hubs!.Hubs.ShouldHaveSingleItem().Reason.ShouldBe(HubReason.Decided);
    }

    [Fact]
    public void NeverHub_LinksWhateverItsCounts()
    {
        // Given a phone on 3 ads with a hub limit of 2 ads
        var inc = new IncidenceBuilder().Ring("a", 3, "phone:1").Build();
        var options = Options with { Hubs = new HubOptions { MaxAdDegree = 2 } };
        ClusteringEngine.Run(inc, [], options).Clusters.Count.ShouldBe(3);

        // When / Then
        var decided = ClusteringEngine.RunWithDecisions(inc, [], options, new ClusteringDecisions { NeverHubs = [0] });
        decided.Clusters.ShouldHaveSingleItem().Size.ShouldBe(3);
        decided.Hubs!.Hubs.ShouldBeEmpty();
    }

    [Fact]
    public void MustLink_PutsTwoUnlinkedRingsInOneCluster_EvenThroughLeiden()
    {
        // Given two rings with nothing in common
        var inc = new IncidenceBuilder().Ring("a", 5, "phone:1").Ring("b", 5, "phone:2").Build();

        // When one group holds both rings' ads
        var decided = ClusteringEngine.RunWithDecisions(inc, [], Options, new ClusteringDecisions { MustLink = [Enumerable.Range(0, 10).ToArray()] });

        // Then they are one cluster (a component of cohesion 0 offered to Leiden, whose parts are put back together)
        decided.Clusters.ShouldHaveSingleItem().Size.ShouldBe(10);
    }

    [Fact]
    public void Separation_CutsAChainBetweenItsSides()
    {
        // Given a chain a0 - a1 - a2 - a3 - a4 - a5 (each pair shares an e-mail)
        var builder = new IncidenceBuilder();
        for (var i = 0; i < 6; i++)
        {
            builder.Ad("a" + i, "email:" + i + "@example.com", "email:" + (i + 1) + "@example.com");
        }

        var inc = builder.Build();
        ClusteringEngine.Run(inc, [], Options).Clusters.Count.ShouldBe(1);

        // When a0 and a5 are declared different posters
        var decided = ClusteringEngine.RunWithDecisions(inc, [], Options, new ClusteringDecisions { Separations = [new AdSeparation([0], [5])] });

        // Then the chain is cut midway and the two ends are in different clusters
        decided.Clusters.Select(c => c.AdIndexes.ToArray()).OrderBy(c => c[0]).ShouldBe([[0, 1, 2], [3, 4, 5]]);
    }

    [Fact]
    public void Separation_WithAMustLinkGroup_KeepsTheGroupWhole()
    {
        // Given a chain of six ads, a0 and a4 to stay together, a0 and a5 apart
        var builder = new IncidenceBuilder();
        for (var i = 0; i < 6; i++)
        {
            builder.Ad("a" + i, "email:" + i + "@example.com", "email:" + (i + 1) + "@example.com");
        }

        var decided = ClusteringEngine.RunWithDecisions(builder.Build(), [], Options, new ClusteringDecisions
        {
            MustLink = [[0, 4]],
            Separations = [new AdSeparation([0], [5])],
        });

        var of = decided.AdCluster;
        of[0].ShouldBe(of[4]);
        of[0].ShouldNotBe(of[5]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Update_WithDecisions_EqualsFullRunWithThem(int seed)
    {
        // Given a planted corpus of which the first 4,000 ads were clustered with decisions touching old and new ads
        var full = PlantedIncidenceGenerator.Generate(new PlantedIncidenceOptions { Ads = 5_000, Seed = seed });
        var keys = full.Incidence.AdKeys;
        var decisions = new ClusteringDecisions
        {
            Hubs = [0, 7],
            NeverHubs = [3],
            MustLink = [[10, 20, 4_500], [30, 31]],
            Separations = [new AdSeparation([40], [41]), new AdSeparation([50, 51], [4_800])],
        };
        var oldCount = 4_000;
        var old = new AdEntityIncidence(keys[..oldCount], full.Incidence.EntityTypes, full.Incidence.EntityValues,
            [.. full.Incidence.LinkAds.Where(a => a < oldCount)],
            [.. full.Incidence.LinkEntities.Where((_, i) => full.Incidence.LinkAds[i] < oldCount)]);
        var oldWeak = full.WeakLinks.Where(w => w.AdA < oldCount && w.AdB < oldCount).ToArray();
        var previous = ClusteringEngine.RunWithDecisions(old, oldWeak, Options, decisions);
        var touched = new HashSet<string>(keys[oldCount..], StringComparer.Ordinal);
        foreach (var w in full.WeakLinks.Where(w => w.AdA >= oldCount || w.AdB >= oldCount))
        {
            touched.Add(keys[w.AdA]);
            touched.Add(keys[w.AdB]);
        }

        var entities = new HashSet<(Core.Extraction.EntityType, string)>();
        for (var i = 0; i < full.Incidence.LinkCount; i++)
        {
            if (full.Incidence.LinkAds[i] >= oldCount)
            {
                var e = full.Incidence.LinkEntities[i];
                entities.Add((full.Incidence.EntityTypes[e], full.Incidence.EntityValues[e]));
            }
        }

        var before = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var c in previous.Clusters)
        {
            foreach (var a in c.AdIndexes)
            {
                before[keys[a]] = (c.ComponentId ?? c.Id, c.Id);
            }
        }

        // When
        var incremental = ClusteringEngine.Update(before, full.Incidence, full.WeakLinks, new IncrementalChange { TouchedAdKeys = touched, TouchedEntities = entities }, Options, decisions);
        var recomputed = ClusteringEngine.RunWithDecisions(full.Incidence, full.WeakLinks, Options, decisions);

        // Then
        incremental.Statistics.ComponentsReused.ShouldBeGreaterThan(0);
        incremental.AdCluster.ShouldBe(recomputed.AdCluster);
        incremental.Clusters.Select(c => c.Id).ShouldBe(recomputed.Clusters.Select(c => c.Id));
        recomputed.AdCluster[10].ShouldBe(recomputed.AdCluster[4_500]);
        recomputed.AdCluster[40].ShouldNotBe(recomputed.AdCluster[41]);
        recomputed.AdCluster[50].ShouldNotBe(recomputed.AdCluster[4_800]);
    }

    private static int Entity(AdEntityIncidence inc, string value) => Array.IndexOf(inc.EntityValues, value);
}
