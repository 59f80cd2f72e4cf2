using AngleSharp.Html.Parser;
using NetworkAnalysis.Core.Graphs.Structure;
using NetworkAnalysis.Reporting.Html;
using NetworkAnalysis.Reporting.Tests.Support;

namespace NetworkAnalysis.Reporting.Tests.Html;

public sealed class ReferralReportStructureTests
{
    private static ClusterStructure Structure(string handle) => ClusterGraphAnalysis.Structure(ClusterGraph.Create(
        ["a1", "a2", "b1"],
        [("a1", "phone:+13125550101"), ("a2", "phone:+13125550101"), ("a2", handle), ("b1", handle)]));

    [Fact]
    public void Render_WithStructure_ListsWhatHoldsTheClusterTogetherMaskedUnlessShown()
    {
        // Given a cluster held together by one phone and one handle
        var model = SampleGraphs.Report() with { Structure = Structure("handle:instagram/jo") };

        // When
        var masked = new HtmlParser().ParseDocument(ReferralReportWriter.Render(model));
        var shown = new HtmlParser().ParseDocument(ReferralReportWriter.Render(model, new ReferralReportOptions { ShowIdentifiers = true }));

        // Then
        var section = shown.QuerySelector("#structure")!.TextContent;
        section.ShouldContain("phone:+13125550101");
        section.ShouldContain("ad a2");
        section.ShouldContain("link: ad b1 mentions handle:instagram/jo");
        masked.QuerySelector("#structure")!.TextContent.ShouldNotContain("3125550101");
    }

    [Fact]
    public void Render_HostileIdentifierInStructure_StaysText()
    {
        // Given
        var model = SampleGraphs.Report() with { Structure = Structure("handle:" + Hostile.Script) };

        // When
        var html = ReferralReportWriter.Render(model, new ReferralReportOptions { ShowIdentifiers = true });
        var doc = new HtmlParser().ParseDocument(html);

        // Then
        doc.QuerySelectorAll("script").Length.ShouldBe(0);
        doc.QuerySelector("#structure")!.TextContent.ShouldContain(Hostile.Script);
    }

    [Fact]
    public void Render_WithoutStructure_HasNoSection()
        => new HtmlParser().ParseDocument(ReferralReportWriter.Render(SampleGraphs.Report())).QuerySelector("#structure").ShouldBeNull();
}
