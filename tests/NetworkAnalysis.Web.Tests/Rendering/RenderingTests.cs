using System.Xml.Linq;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Web.Rendering;

namespace NetworkAnalysis.Web.Tests.Rendering;

public sealed class RenderingTests
{
    private static GraphFragment Chain()
    {
        // a1 -e10- a2 -e11(hub)- a4 ; a2 -e12- a3 -e13- a4 : the hub gives the shorter path, the other avoids it
        GraphAd Ad(long id) => new(id, "k" + id, "C", null, null, null);
        return new GraphFragment(
            [Ad(1), Ad(2), Ad(3), Ad(4)],
            [new(10, "phone", "p", 2, 1), new(11, "poster", "h", 50, 9), new(12, "email", "e", 2, 1), new(13, "phone", "q", 2, 1)],
            [(1, 10), (2, 10), (2, 11), (4, 11), (2, 12), (3, 12), (3, 13), (4, 13)], 4);
    }

    [Fact]
    public void Find_WithAHubShortcut_PrefersThePathAvoidingHubs()
    {
        var path = EvidencePathFinder.Find(Chain(), 1, 4, hubThreshold: 2);

        path.ShouldBe(["a:1", "e:10", "a:2", "e:12", "a:3", "e:13", "a:4"]);
    }

    [Fact]
    public void Find_WhenOnlyAHubLinks_UsesTheHub()
    {
        var f = Chain();
        var onlyHub = f with { Links = [.. f.Links.Where(l => l.Entity != 13)] };

        EvidencePathFinder.Find(onlyHub, 1, 4, hubThreshold: 2).ShouldBe(["a:1", "e:10", "a:2", "e:11", "a:4"]);
    }

    [Fact]
    public void Find_UnlinkedAds_ReturnsNull()
    {
        var f = Chain();

        EvidencePathFinder.Find(f with { Links = [(1, 10)] }, 1, 4, hubThreshold: 2).ShouldBeNull();
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("a\"b'c&d", "a&quot;b&#39;c&amp;d")]
    [InlineData("bell\u0007nul\u0000", "bell\uFFFDnul\uFFFD")]
    public void Escape_HostileText_StaysText(string input, string expected) => Xml.Escape(input).ShouldBe(expected);

    [Fact]
    public void Timeline_HostileTitle_IsEscapedAndWellFormed()
    {
        var svg = ActivityCharts.Timeline("<svg onload=alert(1)>", [("2026-01-01T00:00:00Z", "Reno"), ("2026-01-05T00:00:00Z", "<img>")]);

        svg.ShouldNotContain("<svg onload");
        XDocument.Parse(svg).Root!.Name.LocalName.ShouldBe("svg");
    }
}
