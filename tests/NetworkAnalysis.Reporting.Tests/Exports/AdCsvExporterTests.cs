using NetworkAnalysis.Reporting.Exports;
using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Reporting.Tests.Support;

namespace NetworkAnalysis.Reporting.Tests.Exports;

public sealed class AdCsvExporterTests
{
    [Theory]
    [InlineData("=")]
    [InlineData("+")]
    [InlineData("-")]
    [InlineData("@")]
    [InlineData("\t")]
    [InlineData("\r")]
    public void Write_FormulaInEveryColumn_IsNeutralised(string trigger)
    {
        // Given an ad whose every field starts with a formula trigger
        var payload = trigger + "HYPERLINK(\"http://evil.example.com\")";
        var graph = new CaseGraph
        {
            Ads = [new ReportAd { Key = payload, City = payload, ClusterId = payload, Text = payload, PostedAt = null }],
            Entities = [new ReportEntity("e1", payload, payload)],
            Links = [new ReportLink(payload, "e1", ReportLinkKind.Mentions)],
        };

        // When
        using var w = new StringWriter();
        new AdCsvExporter().Write(graph, w);
        var rows = CsvText.Parse(w.ToString());

        // Then no cell a spreadsheet reads starts with a trigger character
        rows.Count.ShouldBe(2);
        rows[0].ShouldBe(AdCsvExporter.Header.Cast<string?>().ToList());
        rows[1].Where(c => c is not null).ShouldAllBe(c => c!.Length == 0 || !"=+-@\t\r".Contains(c[0]));
        rows[1][0].ShouldBe("'" + payload);
    }

    [Fact]
    public void Write_Corpus_KeepsOneRowPerAdInOrder()
    {
        var graph = SampleGraphs.Corpus();
        using var w = new StringWriter();
        new AdCsvExporter().Write(graph, w);
        var rows = CsvText.Parse(w.ToString());
        rows.Skip(1).Select(r => r[0]).ShouldBe(graph.Ads.Select(a => a.Key));
        rows.Skip(1).Select(r => r[5]).ShouldBe(graph.Ads.Select(a => a.Text));
    }

    [Fact]
    public void Write_Masked_HidesIdentifierValues()
    {
        var graph = SampleGraphs.Corpus();
        using var w = new StringWriter();
        new AdCsvExporter { ShowIdentifiers = false }.Write(graph, w);
        CsvText.Parse(w.ToString()).Skip(1).Select(r => r[4]).ShouldAllBe(c => !c!.Contains("example.com"));
    }

    [Fact]
    public void Write_AdWithDecisions_CarriesThemInTheDecisionsColumn_OneLineEach()
    {
        // Given an ad two standing decisions name, one whose reason is a formula and spans lines
        var lines = new[] { "#1 merged by J. Doe on 2026-03-02: same photo set", "#4 a and b declared not the same poster by A. Roe on 2026-03-03: =HYPERLINK(\"x\")\nsecond line" };
        var graph = new CaseGraph
        {
            Ads = [new ReportAd { Key = "a", ClusterId = "C1", Text = "t", Decisions = lines }, new ReportAd { Key = "b", ClusterId = "C1", Text = "t" }],
        };

        // When
        using var w = new StringWriter();
        new AdCsvExporter().Write(graph, w);
        var rows = CsvText.Parse(w.ToString());

        // Then the column holds both lines in order, and is empty for an ad no decision names
        rows[0][^1].ShouldBe("decisions");
        rows[1][^1].ShouldBe(string.Join("\n", lines));
        rows[2][^1].ShouldBeNullOrEmpty();
    }

    [Fact]
    public void Write_DecisionsCellStartingWithAFormula_IsNeutralised()
    {
        var graph = new CaseGraph { Ads = [new ReportAd { Key = "a", Text = "t", Decisions = ["=cmd|' /C calc'!A0"] }] };

        using var w = new StringWriter();
        new AdCsvExporter().Write(graph, w);

        CsvText.Parse(w.ToString())[1][^1].ShouldBe("'=cmd|' /C calc'!A0");
    }
}
