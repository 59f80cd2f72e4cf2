using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Notebooks.Tests;

/// <summary>Every notebook in notebooks/ runs from top to bottom; a failing cell fails the test, naming the notebook and cell.</summary>
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

        // Then
        result.Success.ShouldBeTrue(result.Failure);
        if (Environment.GetEnvironmentVariable("NETAN_NOTEBOOK_UPDATE") == "1")
        {
            NotebookRunner.WriteOutputs(path, result);
        }
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
