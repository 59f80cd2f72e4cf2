using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Notebooks.Tests;

/// <summary>Every notebook in notebooks/ runs from top to bottom on the real .NET Interactive kernel (through the
/// <c>dotnet-repl</c> local tool) and produces the outputs it stores; a failing or changed cell fails the test, naming the
/// notebook and cell.</summary>
/// <remarks>Set NETAN_NOTEBOOK_UPDATE=1 to write each cell's output back into the notebook.</remarks>
public sealed partial class NotebookTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(TestData.RepoRoot, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    private static void RequireKernel()
    {
        var restored = NotebookRunner.ToolRestored(TestData.RepoRoot, out var detail);
        Prerequisite.Require(restored, $"the dotnet-repl local tool ({detail.Split('\n')[0]})", "dotnet tool restore (./test.sh runs it)");
    }

    [SkippableTheory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_RunsEveryCellOnTheRealKernel(string name)
    {
        // Given
        RequireKernel();
        var path = Path.Combine(TestData.RepoRoot, "notebooks", name);

        // When
        var result = NotebookRunner.Run(path, TestData.RepoRoot, Timeout);

        // Then every cell ran without an error, and each produced exactly the output the notebook stores and shows
        // (durations and temporary paths aside), so no notebook shows a figure it no longer gets
        result.Success.ShouldBeTrue(result.Failure);
        if (Environment.GetEnvironmentVariable("NETAN_NOTEBOOK_UPDATE") == "1")
        {
            NotebookRunner.WriteOutputs(path, result);
            return;
        }

        var differences = NotebookRunner.CompareOutputs(path, result);
        differences.ShouldBeEmpty(string.Join("\n", differences) + "\n(if the change is intended, refresh the stored outputs: NETAN_NOTEBOOK_UPDATE=1 dotnet test tests/NetworkAnalysis.Notebooks.Tests -c Release)");
    }

    [SkippableFact]
    public void Run_CellThatDoesNotCompile_FailsNamingTheCell()
    {
        // Given: a notebook whose second code cell does not compile, and a third that never should be reached
        RequireKernel();
        // Inside the repository, where `dotnet tool run` finds the local tool manifest.
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "failing-notebook-" + Environment.ProcessId));
        try
        {
            var path = Path.Combine(folder.FullName, "failing.ipynb");
            File.WriteAllText(path, """
                {"cells":[{"cell_type":"markdown","metadata":{},"source":["# t"]},
                          {"cell_type":"code","metadata":{},"execution_count":null,"outputs":[],"source":["var x = 1;"]},
                          {"cell_type":"code","metadata":{},"execution_count":null,"outputs":[],"source":["int y = \"no\";"]}],
                 "metadata":{"kernelspec":{"display_name":".NET (C#)","language":"C#","name":".net-csharp"}},
                 "nbformat":4,"nbformat_minor":5}
                """);

            // When
            var result = NotebookRunner.Run(path, TestData.RepoRoot, Timeout);

            // Then
            result.Success.ShouldBeFalse();
            result.Failure.ShouldContain("failing.ipynb: cell 3 failed");
            result.Failure.ShouldContain("CS0029");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Normalise_DurationsTempPathsPackageFolderAndTableIds_OnlyThose()
    {
        NotebookRunner.Normalise("took 1.25 s and 340 ms in /tmp/netan-x/a.case\n\n").ShouldBe("took <duration> and <duration> in <temp>");
        NotebookRunner.Normalise("Loading extensions from `/root/.nuget/packages/microsoft.data.analysis/0.24.0/x.dll`")
            .ShouldBe("Loading extensions from `<packages>/microsoft.data.analysis/0.24.0/x.dll`");
        NotebookRunner.Normalise("<table id=\"table_639320703421588968\"><tr><td>table_1</td>").ShouldBe("<table id=\"table_<n>\"><tr><td>table_1</td>");
        NotebookRunner.Normalise("B-cubed F1 0.986  ARI 0.979  clusters 786, 5,000 ads, cluster(s) C1").ShouldBe("B-cubed F1 0.986  ARI 0.979  clusters 786, 5,000 ads, cluster(s) C1");
    }

    [Fact]
    public void ReadCells_PackageRestoreProgress_LeftOutAndTheInstalledListKept()
    {
        // Given: the kernel's outputs for a #r "nuget:" cell: progress repeated while downloading, then the final list
        var notebook = JsonNode.Parse("""
            {"cells":[{"cell_type":"code","source":["#r \"nuget: QuikGraph, 2.5.0\""],"outputs":[
              {"output_type":"display_data","metadata":{},"data":{"text/html":["<div><strong>Installing Packages</strong><ul><li><span>QuikGraph.</span></li></ul></div>"]}},
              {"output_type":"display_data","metadata":{},"data":{"text/html":["<div><strong>Installed Packages</strong><ul><li><span>QuikGraph, 2.5.0</span></li></ul></div>"]}},
              {"output_type":"stream","name":"stdout","text":["done in 2.5 s\n"]}]}]}
            """)!;

        // When
        var cells = NotebookRunner.ReadCells(notebook);

        // Then
        cells.ShouldHaveSingleItem().Number.ShouldBe(1);
        cells[0].Outputs.Select(o => o.Kind).ShouldBe(["text/html", "stdout"]);
        cells[0].Outputs[0].Data.ShouldContain("Installed Packages");
        cells[0].Outputs[1].Data.ShouldBe("done in <duration>");
        cells[0].Raw.Count.ShouldBe(2);
    }

    [GeneratedRegex("PackageReference Include=\"([^\"]+)\"")]
    private static partial Regex PackageReference();

    [GeneratedRegex("<PackageVersion Include=\"([^\"]+)\" Version=\"([^\"]+)\"")]
    private static partial Regex PackageVersion();

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_FirstCell_LoadsEveryPackageTheLibraryNeedsAtItsVersion(string name)
    {
        // Given: the third-party packages of the projects a notebook loads, at the versions the build pins
        var root = TestData.RepoRoot;
        var versions = PackageVersion().Matches(File.ReadAllText(Path.Combine(root, "Directory.Packages.props")))
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "notebooks", name)))!;
        var first = notebook["cells"]!.AsArray().First(c => (string?)c!["cell_type"] == "code")!;
        var source = string.Concat(first["source"]!.AsArray().Select(l => (string?)l));
        var loaded = Regex.Matches(source, @"#r ""\.\./src/(NetworkAnalysis\.\w+)/").Select(m => m.Groups[1].Value).ToList();

        // Then: the kernel has no project references, so a package missing here fails only at run time, deep inside
        loaded.ShouldNotBeEmpty();
        foreach (var project in loaded)
        {
            var csproj = File.ReadAllText(Path.Combine(root, "src", project, project + ".csproj"));
            foreach (var package in PackageReference().Matches(csproj).Select(m => m.Groups[1].Value))
            {
                source.ShouldContain($"#r \"nuget: {package}, {versions[package]}\"", customMessage: $"{name}: {project} needs {package}");
            }
        }
    }
}
