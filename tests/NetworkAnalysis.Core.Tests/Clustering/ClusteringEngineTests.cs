using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Core.Evaluation;
using NetworkAnalysis.Core.Graphs;
using NetworkAnalysis.Core.Graphs.Synthetic;
using FsCheck;
using Xunit.Abstractions;

namespace NetworkAnalysis.Core.Tests.Clustering;

public sealed class ClusteringEngineTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Run_PlantedRingsWithHubs_BeatsNaiveComponents(int seed)
    {
        // Given 20,000 ads in planted rings with hubs and false bridges
        var planted = PlantedIncidenceGenerator.Generate(new PlantedIncidenceOptions { Ads = 20_000, Seed = seed });
        var truth = planted.TruthByKey();

        // When
        var engine = ClusteringEngine.Run(planted.Incidence, planted.WeakLinks, new ClusteringOptions());
        var naive = ComponentClusterer.Cluster(planted.Incidence);

        // Then
        var e = ClusteringEvaluator.Score(ByKey(planted.Incidence, engine), truth);
        var n = ClusteringEvaluator.Score(ByKey(planted.Incidence, naive), truth);
        output.WriteLine($"engine: B3 F1 {e.BCubedF1:F4} ARI {e.AdjustedRandIndex:F4} clusters {e.PredictedClusters}; naive: B3 F1 {n.BCubedF1:F4} ARI {n.AdjustedRandIndex:F4} clusters {n.PredictedClusters}; truth {e.TruthClusters}; {engine.Statistics}; hubs {engine.Hubs!.Hubs.Count}");
        e.BCubedF1.ShouldBeGreaterThanOrEqualTo(0.95);
        e.AdjustedRandIndex.ShouldBeGreaterThanOrEqualTo(0.9);
        n.AdjustedRandIndex.ShouldBeLessThan(e.AdjustedRandIndex);
    }

    [Fact]
    public void Run_BookingLineAcrossManyRings_ListedAsHubAndNeverMerges()
    {
        // Given twelve rings of three ads, each ring with its own phone, and one booking line in one ad of every ring
        var builder = new IncidenceBuilder();
        for (var r = 0; r < 12; r++)
        {
            builder.Ring($"r{r}-", 3, $"phone:+12015550{100 + r}");
            builder.Ad($"r{r}-x", $"phone:+12015550{100 + r}", "phone:+12015550199");
        }

        var incidence = builder.Build();

        // When
        var result = ClusteringEngine.Run(incidence, [], new ClusteringOptions());

        // Then
        result.Clusters.Count.ShouldBe(12);
        result.Hubs!.Hubs.Single().Value.ShouldBe("+12015550199");
        result.Hubs.Hubs.Single().Reason.ShouldBe(HubReason.TooManyGroups);
    }

    [Fact]
    public void Run_TwoRingsJoinedByOnePhone_SplitIntoTheRings()
    {
        // Given two rings of fifteen ads each and one ad of ring b that also mentions ring a's phone
        var incidence = new IncidenceBuilder()
            .Ring("a", 15, "phone:+12015550101", "email:a@example.com")
            .Ring("b", 15, "phone:+12015550102", "email:b@example.com")
            .Ad("b99", "phone:+12015550102", "email:b@example.com", "phone:+12015550101")
            .Build();

        // When
        var result = ClusteringEngine.Run(incidence, [], new ClusteringOptions());

        // Then
        result.Statistics.ComponentsSplit.ShouldBe(1);
        result.Clusters.Count.ShouldBe(2);
        result.Clusters.Select(c => c.ComponentId).Distinct().Count().ShouldBe(1);
        var b99 = Array.IndexOf(incidence.AdKeys, "b99");
        result.Clusters[result.AdCluster[b99]].AdIndexes.Select(a => incidence.AdKeys[a][0]).Distinct().ShouldBe(['b']);
    }

    [Fact]
    public void Run_ComponentHeldByOneEmail_ReportsBridgesWithCuts()
    {
        // Given the same two rings, with splitting disabled
        var incidence = new IncidenceBuilder()
            .Ring("a", 6, "phone:+12015550101")
            .Ring("b", 4, "phone:+12015550102")
            .Ad("c", "phone:+12015550102", "email:shared@example.com")
            .Ad("d", "phone:+12015550101", "email:shared@example.com")
            .Build();

        // When
        var result = ClusteringEngine.Run(incidence, [], new ClusteringOptions { SplitMinSize = 1_000 });

        // Then: removing the shared e-mail leaves 7 and 5 ads (cuts off 5); removing ring a's phone strands its
        // six ads (cuts off 6 of 12), the most critical node
        var cluster = result.Clusters.Single();
        cluster.Bridges.Single(b => b.Label == "email:shared@example.com").AdsCutOff.ShouldBe(5);
        cluster.Bridges[0].Label.ShouldBe("phone:+12015550101");
        cluster.Bridges[0].AdsCutOff.ShouldBe(6);
        cluster.Cohesion.ShouldBe(0.5, 1e-9);
    }

    [Fact]
    public void Run_WeakLinkAboveJoinThreshold_JoinsAndBelowDoesNot()
    {
        // Given three singleton ads, a-b near-identical text and b-c only similar
        var incidence = new IncidenceBuilder().Ad("a", "phone:+12015550101").Ad("b", "phone:+12015550102").Ad("c", "phone:+12015550103").Build();
        WeakLink[] weak = [new(0, 1, WeakLinkKind.TextNearDuplicate, 0.99), new(1, 2, WeakLinkKind.ImageNearDuplicate, 0.7)];

        // When
        var result = ClusteringEngine.Run(incidence, weak, new ClusteringOptions());

        // Then
        result.AdCluster[0].ShouldBe(result.AdCluster[1]);
        result.AdCluster[2].ShouldNotBe(result.AdCluster[1]);
        result.Statistics.WeakLinksJoining.ShouldBe(1);
    }

    [Fact]
    public void Run_SameInputTwice_SameClustersAndIds()
    {
        // Given
        var planted = PlantedIncidenceGenerator.Generate(new PlantedIncidenceOptions { Ads = 3_000, Seed = 5 });

        // When
        var a = ClusteringEngine.Run(planted.Incidence, planted.WeakLinks, new ClusteringOptions());
        var b = ClusteringEngine.Run(planted.Incidence, planted.WeakLinks, new ClusteringOptions());

        // Then
        a.AdCluster.ShouldBe(b.AdCluster);
        a.Clusters.Select(c => c.Id).ShouldBe(b.Clusters.Select(c => c.Id));
    }

    [Fact]
    public void Run_AnyPlantedCorpus_EveryAdInExactlyOneCluster()
    {
        FsCheck.Fluent.Prop.ForAll(
            FsCheck.Fluent.ArbMap.Default.ArbFor<int>(),
            seed =>
            {
                var planted = PlantedIncidenceGenerator.Generate(new PlantedIncidenceOptions { Ads = 300, Seed = seed, MeanRingSize = 12 });
                var result = ClusteringEngine.Run(planted.Incidence, planted.WeakLinks, new ClusteringOptions());
                var seen = result.Clusters.SelectMany(c => c.AdIndexes).ToList();
                return seen.Count == 300 && seen.Distinct().Count() == 300
                    && result.Clusters.Select((c, i) => c.AdIndexes.All(a => result.AdCluster[a] == i)).All(x => x)
                    && result.Clusters.All(c => c.Cohesion is >= 0 and <= 1)
                    && result.Clusters.Select(c => c.Id).Distinct().Count() == result.Clusters.Count;
            }).QuickCheckThrowOnFailure();
    }

    internal static Dictionary<string, string> ByKey(AdEntityIncidence incidence, ClusteringResult result)
        => Enumerable.Range(0, incidence.AdCount).ToDictionary(a => incidence.AdKeys[a], a => result.Clusters[result.AdCluster[a]].Id);
}
