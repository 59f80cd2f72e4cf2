using FsCheck;
using FsCheck.Fluent;
using NetworkAnalysis.Reporting.Tests.Support;
using NetworkAnalysis.Reporting.Text;

namespace NetworkAnalysis.Reporting.Tests.Text;

public sealed class SafeCsvTests
{
    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1-555-0100")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=cmd")]
    [InlineData("\r=cmd")]
    [InlineData(Hostile.Formula)]
    public void Cell_FormulaTrigger_IsPrefixedWithApostrophe(string value)
    {
        // When
        var parsed = CsvText.Parse(SafeCsv.Cell(value) + "\n")[0][0];

        // Then a spreadsheet sees text starting with an apostrophe, and the original follows it unchanged
        parsed.ShouldBe("'" + value);
    }

    [Fact]
    public void WriteRow_AnyCells_ParseBackToNeutralisedValues()
    {
        Prop.ForAll<string[]>(cells =>
        {
            var values = (cells ?? []).Select(c => c ?? "").DefaultIfEmpty("x").ToArray();
            using var w = new StringWriter();
            SafeCsv.WriteRow(w, values);
            var row = CsvText.Parse(w.ToString())[0].Select(c => c ?? "").ToArray();
            var ok = row.Length == values.Length;
            for (var i = 0; ok && i < values.Length; i++)
            {
                ok = row[i] == SafeCsv.Neutralise(values[i]) && (row[i].Length == 0 || row[i][0] is not ('=' or '+' or '-' or '@' or '\t' or '\r'));
            }

            return ok;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Cell_PlainText_IsLeftAsItIs()
    {
        SafeCsv.Cell("Springfield").ShouldBe("Springfield");
    }
}
