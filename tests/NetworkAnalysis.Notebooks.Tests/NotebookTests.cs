using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Notebooks.Tests;

/// <summary>Every notebook in notebooks/ runs from top to bottom and produces the outputs it stores; a failing or changed cell
/// fails the test, naming the notebook and cell.</summary>
/// <remarks>Set NETAN_NOTEBOOK_UPDATE=1 to write each cell's output back into the notebook (notebooks/render.sh).</remarks>
public sealed class NotebookTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(TestData.RepoRoot, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_RunsEveryCell(string name)
    {
        // Given
        var path = Path.Combine(TestData.RepoRoot, "notebooks", name);

        // When
        var result = NotebookRunner.Run(path, TestData.RepoRoot, TimeSpan.FromMinutes(8));

        // Then every cell ran, and each produced exactly the output the notebook stores and shows (durations and
        // temporary paths aside), so no notebook shows a figure it no longer gets
        result.Success.ShouldBeTrue(result.Failure);
        if (Environment.GetEnvironmentVariable("NETAN_NOTEBOOK_UPDATE") == "1")
        {
            NotebookRunner.WriteOutputs(path, result);
            return;
        }

        var differences = NotebookRunner.CompareOutputs(path, result);
        differences.ShouldBeEmpty(string.Join("\n", differences) + "\n(if the change is intended, refresh the stored outputs: NETAN_NOTEBOOK_UPDATE=1 dotnet test tests/NetworkAnalysis.Notebooks.Tests -c Release)");
    }

    [Fact]
    public void Normalise_DurationsAndTempPaths_OnlyThose()
    {
        NotebookRunner.Normalise("took 1.25 s and 340 ms in /tmp/netan-x/a.case\n\n").ShouldBe("took <duration> and <duration> in <temp>");
        NotebookRunner.Normalise("B-cubed F1 0.986  ARI 0.979  clusters 786, 5,000 ads, cluster(s) C1").ShouldBe("B-cubed F1 0.986  ARI 0.979  clusters 786, 5,000 ads, cluster(s) C1");
    }

    [Fact]
    public void Build_FailingCell_IsNamedByLineMap()
    {
        // Given: a notebook whose second code cell does not compile
        var notebook = System.Text.Json.Nodes.JsonNode.Parse("""
            {"cells":[{"cell_type":"markdown","source":["# t"]},
                      {"cell_type":"code","source":["using System.Linq;\n","var x = 1;"]},
                      {"cell_type":"code","source":["#r \"../src/NetworkAnalysis.Core/bin/Release/net10.0/NetworkAnalysis.Core.dll\"\n","int y = \"no\";"]}]}
            """)!;

        // When
        var cells = NotebookProgram.CodeCells(notebook);
        var (program, cellOfLine) = NotebookProgram.Build(cells, "/repo");

        // Then
        cells.Count.ShouldBe(2);
        var lines = program.Split('\n');
        lines.ShouldContain("#:project /repo/src/NetworkAnalysis.Core/NetworkAnalysis.Core.csproj");
        lines.ShouldContain("using System.Linq;");
        cellOfLine[Array.IndexOf(lines, "int y = \"no\";")].ShouldBe(2);
    }
}
