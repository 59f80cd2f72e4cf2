using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Risk;

namespace NetworkAnalysis.Core.Tests.Risk;

public sealed partial class RiskScorerTests
{
    private static RiskAssessment ScoreOne(params RiskAd[] ads) => ScoreOne(IndicatorSet.Default, ads);

    private static RiskAssessment ScoreOne(IndicatorSet set, params RiskAd[] ads) =>
        new RiskScorer(set).Score(new RiskInput([new RiskCluster("C1", ads)])).Assessments.Single();

    private static IndicatorContribution? Find(RiskAssessment a, string id) => a.Contributions.SingleOrDefault(c => c.IndicatorId == id);

    [Fact]
    public void Score_OnePhoneWithManyNames_FiresPersonasWithNameSpans()
    {
        // Given one phone used with four names
        var ads = new[] { "Mia", "Ava", "Luna", "Zoe" }
            .Select((n, i) => new RiskAdBuilder($"s/{i}").Say("Hi I am ").Name(n).Say(" call ").Phone("+12025550142").Build())
            .ToArray();

        // When scored
        var result = ScoreOne(ads);

        // Then the personas indicator fires at full strength, about that phone, with each name as evidence
        var personas = Find(result, "personas_per_contact").ShouldNotBeNull();
        personas.Strength.ShouldBe(1);
        personas.Subjects.ShouldBe([new RiskEntityRef(EntityType.Phone, "+12025550142")]);
        var names = personas.Evidence.Where(e => e.Note == "name").Select(e => ads.Single(a => a.Key == e.AdKey).Text[e.Start..e.End]);
        names.ShouldBe(["Mia", "Ava", "Luna", "Zoe"], ignoreOrder: true);
    }

    [Fact]
    public void Score_OnePhoneOnePersona_PersonasDoesNotFire()
    {
        // Given one phone with the same name and age in every ad
        var ads = Enumerable.Range(0, 5)
            .Select(i => new RiskAdBuilder($"s/{i}").Name("Mia").Say(" ").StatedAge(27).Say(" ").Phone("+12025550142").Build())
            .ToArray();

        // When scored
        var result = ScoreOne(ads);

        // Then the personas indicator does not fire
        Find(result, "personas_per_contact").ShouldBeNull();
    }

    [Fact]
    public void Score_HubPhoneWithManyNames_IsIgnored()
    {
        // Given a hub phone (e.g. a site's switchboard) shared with many names
        var ads = new[] { "Mia", "Ava", "Luna", "Zoe" }
            .Select((n, i) => new RiskAdBuilder($"s/{i}").Name(n).Say(" ").Phone("+12025550199", hub: true).Build())
            .ToArray();

        // When scored
        var result = ScoreOne(ads);

        // Then hubs are not evidence of one controller
        Find(result, "personas_per_contact").ShouldBeNull();
    }

    [Fact]
    public void Score_CashtagWithThreePhones_FiresHandleControlsPhones()
    {
        // Given one cashtag with three phones
        var ads = Enumerable.Range(0, 3)
            .Select(i => new RiskAdBuilder($"s/{i}").Phone($"+1202555011{i}").Say(" pay ").Entity(EntityType.Cashtag, "$boss").Build())
            .ToArray();

        // When scored
        var result = ScoreOne(ads);

        // Then the handle indicator fires with strength (3-1)/(4-1)
        var handle = Find(result, "handle_controls_phones").ShouldNotBeNull();
        handle.Strength.ShouldBe(2.0 / 3, 1e-9);
        handle.Subjects.Single().Value.ShouldBe("$boss");
        handle.Evidence.Count(e => e.Note == "phone").ShouldBe(3);
    }

    [Fact]
    public void Score_PhoneInThreeCitiesWithinWeek_FiresMovement()
    {
        // Given one phone in Houston, Dallas and Austin on three days
        var ads = new[] { "Houston", "Dallas", "Austin" }
            .Select((c, i) => new RiskAdBuilder($"s/{i}").Say("call ").Phone("+12025550142").In(c).At(i * 48).Build())
            .ToArray();

        // When scored
        var result = ScoreOne(ads);

        // Then movement fires with one evidence item per city
        var movement = Find(result, "movement").ShouldNotBeNull();
        movement.Strength.ShouldBe(0.5, 1e-9);
        movement.Evidence.Count.ShouldBe(3);
        movement.Summary.ShouldContain("3 cities");
    }

    [Fact]
    public void Score_CitiesMonthsApart_MovementDoesNotFire()
    {
        // Given one phone in two cities 90 days apart (outside the 30-day window)
        var ads = new[] { "Houston", "Dallas" }
            .Select((c, i) => new RiskAdBuilder($"s/{i}").Phone("+12025550142").In(c).At(i * 24 * 90).Build())
            .ToArray();

        // When scored
        // Then no movement is reported
        Find(ScoreOne(ads), "movement").ShouldBeNull();
    }

    [Fact]
    public void Score_AdsInSeattleAndMiamiAnHourApart_FiresSimultaneousDistant()
    {
        // Given two ads one hour apart in cities ~4,400 km apart, and one far later
        var ads = new[]
        {
            new RiskAdBuilder("s/1").Phone("+12025550142").In("Seattle").At(0).Build(),
            new RiskAdBuilder("s/2").Phone("+12025550142").In("Miami").At(1).Build(),
            new RiskAdBuilder("s/3").Phone("+12025550142").In("Miami").At(200).Build(),
        };

        // When scored
        var result = ScoreOne(ads);

        // Then exactly the two simultaneous ads are evidence
        var sim = Find(result, "simultaneous_distant").ShouldNotBeNull();
        sim.Evidence.Select(e => e.AdKey).ShouldBe(["s/1", "s/2"]);
    }

    [Fact]
    public void Score_AdsInHoustonAndDallasAnHourApart_SimultaneousDistantDoesNotFire()
    {
        // Given two ads an hour apart in cities ~360 km apart (below 500 km)
        var ads = new[]
        {
            new RiskAdBuilder("s/1").Phone("+12025550142").In("Houston").At(0).Build(),
            new RiskAdBuilder("s/2").Phone("+12025550142").In("Dallas").At(1).Build(),
        };

        // When scored
        // Then it does not fire
        Find(ScoreOne(ads), "simultaneous_distant").ShouldBeNull();
    }

    [Fact]
    public void Score_StatedAge19_FlagsYouthReviewWithCaution()
    {
        // Given an ad stating age 19
        var ad = new RiskAdBuilder("s/1").Say("Mia, ").StatedAge(19).Build();

        // When scored
        var result = ScoreOne(ad);

        // Then the youth cue is a review flag with a caution, pointing at the age
        var youth = Find(result, "youth_cues").ShouldNotBeNull();
        youth.IsReviewFlag.ShouldBeTrue();
        youth.Caution.ShouldNotBeNullOrWhiteSpace();
        result.NeedsReview.ShouldBeTrue();
        ad.Text[youth.Evidence[0].Start..youth.Evidence[0].End].ShouldBe("19");
    }

    [Fact]
    public void Score_StatedAge25_NoYouthFlag()
    {
        // Given an ad stating age 25 with no youth words
        // When scored
        var result = ScoreOne(new RiskAdBuilder("s/1").Say("Mia, ").StatedAge(25).Build());

        // Then nothing needs review
        result.NeedsReview.ShouldBeFalse();
    }
}
