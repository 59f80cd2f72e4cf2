using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Risk;

namespace NetworkAnalysis.Core.Tests.Risk;

public sealed class OutOfAreaSignalTests
{
    private static IndicatorContribution? OutOfArea(params RiskAd[] ads) =>
        new RiskScorer(IndicatorSet.Default).Score(new RiskInput([new RiskCluster("C1", ads)])).Assessments.Single()
            .Contributions.SingleOrDefault(c => c.IndicatorId == "out_of_area");

    [Fact]
    public void NevadaNumberAdvertisedInMiami_Fires_WithTheNumberAndItsState()
    {
        // Given three Miami ads with a Las Vegas (702, Nevada) number
        var ads = Enumerable.Range(0, 3).Select(i => new RiskAdBuilder($"s/{i}").Say("call ").Phone("+17025550142").In("Miami").At(i).Build()).ToArray();

        // When scored
        var c = OutOfArea(ads).ShouldNotBeNull();

        // Then every ad is out of area, about that number, with the number's span and its state as evidence
        c.Strength.ShouldBe(1);
        c.Subjects.ShouldBe([new RiskEntityRef(EntityType.Phone, "+17025550142")]);
        c.Evidence.Count.ShouldBe(3);
        c.Evidence.ShouldAllBe(e => e.Note == "Nevada number in an ad for Miami" && e.End > e.Start);
    }

    [Fact]
    public void NevadaNumberAdvertisedInLasVegas_DoesNotFire()
    {
        var ads = Enumerable.Range(0, 3).Select(i => new RiskAdBuilder($"s/{i}").Phone("+17025550142").In("Las Vegas").At(i).Build()).ToArray();
        OutOfArea(ads).ShouldBeNull();
    }

    [Fact]
    public void TollFreeNumberAnywhere_NotCompared()
    {
        // Given a toll-free number, which has no area
        var ads = Enumerable.Range(0, 3).Select(i => new RiskAdBuilder($"s/{i}").Phone("+18005550100").In("Miami").At(i).Build()).ToArray();

        // Then the indicator stays silent
        OutOfArea(ads).ShouldBeNull();
    }

    [Fact]
    public void OneOutOfAreaAdAmongLocalOnes_BelowMinimum_DoesNotFire()
    {
        // Given one Miami ad with a Nevada number and two Las Vegas ads with it (min_ads is 2)
        var ads = new[]
        {
            new RiskAdBuilder("s/1").Phone("+17025550142").In("Miami").At(0).Build(),
            new RiskAdBuilder("s/2").Phone("+17025550142").In("Las Vegas").At(1).Build(),
            new RiskAdBuilder("s/3").Phone("+17025550142").In("Las Vegas").At(2).Build(),
        };

        OutOfArea(ads).ShouldBeNull();
    }

    [Fact]
    public void UkNumberInSeattleAds_FiresAsForeign()
    {
        // Given two Seattle ads with a UK (fictional drama-range) mobile
        var ads = Enumerable.Range(0, 2).Select(i => new RiskAdBuilder($"s/{i}").Phone("+447700900123").In("Seattle").At(i).Build()).ToArray();

        // Then it fires, naming the country
        var c = OutOfArea(ads).ShouldNotBeNull();
        c.Evidence.ShouldAllBe(e => e.Note == "United Kingdom number in an ad for Seattle");
    }

    [Fact]
    public void Definition_HasSourceCaveatAndCaution()
    {
        var d = IndicatorSet.Default.Indicators.Single(i => i.Id == "out_of_area");
        d.Source.ShouldContain("Ibanez & Suthers (2014)");
        d.Caution.ShouldNotBeNullOrWhiteSpace();
        IndicatorSet.Default.Caveat.ShouldContain("Triage aid");
    }
}
