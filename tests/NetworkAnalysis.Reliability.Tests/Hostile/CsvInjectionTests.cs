using System.Text;
using NetworkAnalysis.Cli;
using NetworkAnalysis.Reliability.Tests.Infrastructure;
using NetworkAnalysis.Reporting.Text;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Reliability.Tests.Hostile;

/// <summary>CSV formula injection: no cell of any CSV export starts with a character a spreadsheet would run.</summary>
public sealed class CsvInjectionTests : IDisposable
{
    private static readonly string[] Payloads =
        ["=HYPERLINK(\"http://example.com/x\",\"open\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "=1,2\"3"];

    private readonly TempFolder _dir = new();

    public CsvInjectionTests()
    {
    }

    public void Dispose() => _dir.Dispose();

    private static void NoCellRuns(string csv)
    {
        foreach (var cell in CsvRows.Parse(csv).SelectMany(r => r))
        {
            if (cell.Length > 0)
            {
                cell[0].ShouldNotBeOneOf(['=', '+', '-', '@', '\t', '\r'], $"cell '{cell}' would run as a formula");
            }
        }
    }

    [Theory]
    [MemberData(nameof(PayloadData))]
    public void Escape_FormulaPayload_IsNeutralisedAndRoundTrips(string payload)
    {
        // When
        var cell = SafeCsv.Cell(payload);
        var parsed = CsvRows.Parse(cell + "\n").Single().Single();

        // Then: the spreadsheet sees text starting with a quote mark, and the rest is the payload exactly
        parsed.ShouldBe("'" + payload);
    }

    public static TheoryData<string> PayloadData()
    {
        var data = new TheoryData<string>();
        foreach (var p in Payloads)
        {
            data.Add(p);
        }

        return data;
    }

    [Fact]
    public async Task ClustersCsvExports_FormulaIdsAndCities_NoCellRuns()
    {
        // Given: ads whose IDs and cities are formula payloads, sharing a phone so they cluster
        var lines = Payloads.Select((p, i) => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["id"] = p,
            ["site"] = i % 2 == 0 ? "=cmd" : "@site",
            ["city"] = Payloads[(i + 1) % Payloads.Length],
            ["title"] = "hello",
            ["body"] = "call 555-201-0142 " + p,
        }));
        var corpus = _dir.Write("formula.jsonl", string.Join('\n', lines) + "\n");
        var path = _dir.File("formula.case");
        (await InProcessCli.RunAsync("-c", path, "-q", "ingest", "--country", "US", corpus)).ExitCode.ShouldBe(0);
        (await InProcessCli.RunAsync("-c", path, "-q", "analyze")).ExitCode.ShouldBe(0);

        // When
        var members = await InProcessCli.RunAsync("-c", path, "clusters", "--members");
        var summary = await InProcessCli.RunAsync("-c", path, "clusters", "--format", "csv", "--top", "0");

        // Then
        members.ExitCode.ShouldBe(0, members.All);
        summary.ExitCode.ShouldBe(0, summary.All);
        CsvRows.Parse(members.Out).Count.ShouldBe(Payloads.Length + 1);
        members.Out.ShouldContain("'=HYPERLINK");
        NoCellRuns(members.Out);
        NoCellRuns(summary.Out);
    }
}
