using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Core.Tests.Clustering;

public sealed class EvidenceExplainerTests
{
    [Fact]
    public void Explain_AdsSharingAPhoneThenAnEmail_ReturnsTwoStepPathWithWeights()
    {
        // Given a -phone- b -email- c
        var incidence = new IncidenceBuilder()
            .Ad("a", "phone:+12015550101")
            .Ad("b", "phone:+12015550101", "email:b@example.com")
            .Ad("c", "email:b@example.com")
            .Build();
        var result = ClusteringEngine.Run(incidence, [], new ClusteringOptions());

        // When
        var path = EvidenceExplainer.Explain(result, [], 0, 2, new ClusteringOptions());

        // Then
        path.Linked.ShouldBeTrue();
        path.SameCluster.ShouldBeTrue();
        path.Steps.Select(s => s.Via).ShouldBe(["phone:+12015550101", "email:b@example.com"]);
        path.Steps.Select(s => (s.FromAd, s.ToAd)).ShouldBe([(0, 1), (1, 2)]);
        path.Steps.ShouldAllBe(s => s.Weight > 0 && !s.IsHub);
    }

    [Fact]
    public void Explain_OnlyThroughHub_SaysWhichHubAndWhy()
    {
        // Given twelve rings joined only by one booking line
        var builder = new IncidenceBuilder();
        for (var r = 0; r < 12; r++)
        {
            builder.Ring($"r{r}-", 3, $"phone:+12015550{100 + r}");
            builder.Ad($"r{r}-x", $"phone:+12015550{100 + r}", "phone:+12015550199");
        }

        var incidence = builder.Build();
        var result = ClusteringEngine.Run(incidence, [], new ClusteringOptions());
        var a = Array.IndexOf(incidence.AdKeys, "r0-00");
        var b = Array.IndexOf(incidence.AdKeys, "r1-00");

        // When
        var path = EvidenceExplainer.Explain(result, [], a, b, new ClusteringOptions());

        // Then
        path.Linked.ShouldBeFalse();
        path.Explanation.ShouldContain("only through hub phone:+12015550199");
        path.Steps.Count(s => s.IsHub).ShouldBe(1);
    }

    [Fact]
    public void Explain_WeakLinkOnly_PathUsesTheWeakLink()
    {
        // Given two ads with nothing in common but near-duplicate text
        var incidence = new IncidenceBuilder().Ad("a", "phone:+12015550101").Ad("b", "phone:+12015550102").Build();
        WeakLink[] weak = [new(0, 1, WeakLinkKind.TextNearDuplicate, 0.8)];
        var result = ClusteringEngine.Run(incidence, weak, new ClusteringOptions());

        // When
        var path = EvidenceExplainer.Explain(result, weak, 0, 1, new ClusteringOptions());

        // Then: evidence exists but below the join threshold, so the ads stay apart
        path.Linked.ShouldBeTrue();
        path.SameCluster.ShouldBeFalse();
        path.Steps.Single().WeakKind.ShouldBe(WeakLinkKind.TextNearDuplicate);
    }

    [Fact]
    public void Explain_NothingInCommon_NotLinkedWithEmptyPath()
    {
        // Given
        var incidence = new IncidenceBuilder().Ad("a", "phone:+12015550101").Ad("b", "url:example.com").Build();
        var result = ClusteringEngine.Run(incidence, [], new ClusteringOptions());

        // When
        var path = EvidenceExplainer.Explain(result, [], 0, 1, new ClusteringOptions());

        // Then
        path.Linked.ShouldBeFalse();
        path.Steps.ShouldBeEmpty();
        path.Explanation.ShouldContain("no shared identifier");
    }
}
