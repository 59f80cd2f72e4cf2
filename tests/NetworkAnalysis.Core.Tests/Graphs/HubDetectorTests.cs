using NetworkAnalysis.Core.Graphs;
using NetworkAnalysis.Core.Tests.Clustering;

namespace NetworkAnalysis.Core.Tests.Graphs;

public sealed class HubDetectorTests
{
    [Fact]
    public void Detect_RingPhoneOnManyFreshAds_NotAHub()
    {
        // Given one phone on 40 ads that share nothing else (singletons are not groups)
        var incidence = new IncidenceBuilder().Ring("a", 40, "phone:+12015550101").Build();

        // When
        var report = HubDetector.Detect(BipartiteGraph.Build(incidence), new HubOptions());

        // Then
        report.Hubs.ShouldBeEmpty();
    }

    [Fact]
    public void Detect_MoreAdsThanMaxAdDegree_HubBecauseTooManyAds()
    {
        // Given one phone on 40 ads and a limit of 30
        var incidence = new IncidenceBuilder().Ring("a", 40, "phone:+12015550101").Build();

        // When
        var report = HubDetector.Detect(BipartiteGraph.Build(incidence), new HubOptions { MaxAdDegree = 30 });

        // Then
        var hub = report.Hubs.ShouldHaveSingleItem();
        hub.Reason.ShouldBe(HubReason.TooManyAds);
        hub.AdCount.ShouldBe(40);
        hub.Explain(report.Options).ShouldContain("40 ads (limit 30)");
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void Detect_EmailAcrossGroups_HubOnlyAboveMaxGroups(int groups, bool isHub)
    {
        // Given `groups` rings of two ads (own phone each) and one e-mail in one ad of each ring; MaxGroups 3
        var builder = new IncidenceBuilder();
        for (var g = 0; g < groups; g++)
        {
            builder.Ad($"g{g}a", $"phone:+1201555010{g}", "email:agency@example.org");
            builder.Ad($"g{g}b", $"phone:+1201555010{g}");
        }

        var incidence = builder.Build();
        var email = Array.IndexOf(incidence.EntityValues, "agency@example.org");

        // When
        var report = HubDetector.Detect(BipartiteGraph.Build(incidence), new HubOptions { MaxGroups = 3 });

        // Then
        report.IsHub(email).ShouldBe(isHub);
        report.GroupsJoined[email].ShouldBe(groups);
    }

    [Fact]
    public void Detect_UrlOnManyAds_NeverJudged()
    {
        // Given a URL (not a linking type) on 50 ads
        var incidence = new IncidenceBuilder().Ring("a", 50, "url:example.com").Build();

        // When
        var report = HubDetector.Detect(BipartiteGraph.Build(incidence), new HubOptions { MaxAdDegree = 10 });

        // Then
        report.Hubs.ShouldBeEmpty();
    }
}
