using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NetworkAnalysis.Notebooks.Tests;

/// <summary>Runs a notebook on the real .NET Interactive kernel, headless, through the <c>dotnet-repl</c> local tool, and reads
/// each code cell's outputs back from the notebook it writes.</summary>
internal static partial class NotebookRunner
{
    /// <summary>One output of a cell: a stream (<c>stdout</c>, <c>stderr</c>) or one MIME bundle entry of a display.</summary>
    public sealed record Output(string Kind, string Data);

    /// <summary>A code cell's outputs; <paramref name="Number"/> is the cell's position in the notebook, counting from 1.</summary>
    public sealed record CellOutput(int Number, IReadOnlyList<Output> Outputs, JsonArray Raw);

    public sealed record Result(bool Success, string Failure, IReadOnlyList<CellOutput> Cells);

    /// <summary>Whether the local tool manifest's dotnet-repl is restored (<c>dotnet tool restore</c>, which ./test.sh runs).</summary>
    public static bool ToolRestored(string repoRoot, out string detail)
    {
        var (code, output) = Execute("dotnet", ["tool", "run", "dotnet-repl", "--", "--version"], repoRoot, TimeSpan.FromMinutes(2));
        detail = output.Trim();
        return code == 0;
    }

    public static Result Run(string notebookPath, string repoRoot, TimeSpan timeout)
    {
        var name = Path.GetFileName(notebookPath);
        var work = Path.Combine(Path.GetTempPath(), "netan-notebook-run-" + Path.GetFileNameWithoutExtension(notebookPath) + "-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        var executed = Path.Combine(work, name);
        File.Delete(executed);

        // The working folder is notebooks/, as for an analyst who opens the notebook: its relative paths start there.
        var (code, output) = Execute(
            "dotnet",
            ["tool", "run", "dotnet-repl", "--", "--run", notebookPath, "--exit-after-run", "--output-path", executed],
            Path.GetDirectoryName(notebookPath)!,
            timeout);
        if (code is null)
        {
            return new Result(false, $"{name}: timed out after {timeout.TotalSeconds:0} s", []);
        }

        if (!File.Exists(executed))
        {
            return new Result(false, $"{name}: the kernel wrote no notebook (exit code {code}):\n{Tail(output)}", []);
        }

        var cells = ReadCells(JsonNode.Parse(File.ReadAllText(executed))!);
        var errors = cells
            .SelectMany(c => c.Raw.Where(o => (string?)o!["output_type"] == "error").Select(o => (c.Number, Error: o!)))
            .ToList();
        if (errors.Count > 0)
        {
            var (number, error) = errors[0];
            return new Result(false, $"{name}: cell {number} failed: {error["ename"]}: {Tail((string?)error["evalue"] ?? "")}" +
                (errors.Count > 1 ? $" ({errors.Count - 1} later cell error(s) too)" : ""), cells);
        }

        var codeCells = JsonNode.Parse(File.ReadAllText(notebookPath))!["cells"]!.AsArray().Count(c => (string?)c!["cell_type"] == "code");
        if (code != 0 || cells.Count != codeCells)
        {
            return new Result(false, $"{name}: {cells.Count} of {codeCells} code cells ran, exit code {code}:\n{Tail(output)}", cells);
        }

        return new Result(true, "", cells);
    }

    private static (int? Code, string Output) Execute(string file, string[] args, string folder, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file, args)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (null, "");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];

    /// <summary>The code cells of a notebook with their outputs, the kernel's package-restore progress left out (it
    /// repeats while packages download, so two honest runs differ in it; the final "Installed Packages" list stays).</summary>
    public static List<CellOutput> ReadCells(JsonNode notebook)
    {
        var result = new List<CellOutput>();
        var cells = notebook["cells"]!.AsArray();
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i]!;
            if ((string?)cell["cell_type"] != "code")
            {
                continue;
            }

            var raw = new JsonArray();
            var outputs = new List<Output>();
            foreach (var output in cell["outputs"]?.AsArray() ?? [])
            {
                var type = (string?)output!["output_type"];
                if (type == "stream")
                {
                    outputs.Add(new Output((string?)output["name"] ?? "stdout", Normalise(Text(output["text"]))));
                }
                else if (output["data"] is JsonObject data)
                {
                    if (data.Any(d => Text(d.Value).Contains("<strong>Installing Packages</strong>", StringComparison.Ordinal)))
                    {
                        continue;
                    }

                    outputs.AddRange(data.Select(d => new Output(d.Key, Normalise(Text(d.Value)))));
                }

                raw.Add(output.DeepClone());
            }

            result.Add(new CellOutput(i + 1, outputs, raw));
        }

        return result;
    }

    /// <summary>Writes the run's outputs into the notebook so it reads well on a code host without running.</summary>
    public static void WriteOutputs(string notebookPath, Result result)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(notebookPath))!;
        var cells = notebook["cells"]!.AsArray();
        var count = 0;
        foreach (var produced in result.Cells)
        {
            var cell = cells[produced.Number - 1]!;
            cell["outputs"] = produced.Raw.DeepClone();
            cell["execution_count"] = ++count;
        }

        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        File.WriteAllText(notebookPath, notebook.ToJsonString(options) + "\n");
    }

    [GeneratedRegex(@"\b\d+(?:[.,]\d+)?\s?(?:ms|s)\b")]
    private static partial Regex Duration();

    [GeneratedRegex(@"/tmp/[^\s""'<>`]*")]
    private static partial Regex TempPath();

    [GeneratedRegex(@"[^\s""'<>`]*/\.nuget/packages/")]
    private static partial Regex PackageFolder();

    [GeneratedRegex(@"id=""table_\d+""")]
    private static partial Regex TableId();

    /// <summary>Output text with what may differ between two honest runs (durations, temporary paths, the NuGet
    /// package folder, the kernel's clock-based HTML table ids) replaced.</summary>
    public static string Normalise(string text) =>
        TableId().Replace(PackageFolder().Replace(
            TempPath().Replace(Duration().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'), "<duration>"), "<temp>"),
            "<packages>/"), "id=\"table_<n>\"");

    /// <summary>Where the run's outputs differ from the ones stored in the notebook, cell by cell (empty when they agree).</summary>
    /// <remarks>The stored outputs are what the notebook shows a reader; a run that no longer produces them fails, so a
    /// notebook cannot claim a figure it no longer gets. Refresh them with NETAN_NOTEBOOK_UPDATE=1.</remarks>
    public static List<string> CompareOutputs(string notebookPath, Result result)
    {
        var name = Path.GetFileName(notebookPath);
        var stored = ReadCells(JsonNode.Parse(File.ReadAllText(notebookPath))!).ToDictionary(c => c.Number);
        var differences = new List<string>();
        foreach (var produced in result.Cells)
        {
            var before = stored.TryGetValue(produced.Number, out var s) ? s.Outputs : [];
            if (!before.SequenceEqual(produced.Outputs))
            {
                differences.Add($"{name} cell {produced.Number}: the run's output differs from the stored one: {FirstDifference(before, produced.Outputs)}");
            }
        }

        return differences;
    }

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonNode n => (string?)n ?? "",
        null => "",
    };

    private static string FirstDifference(IReadOnlyList<Output> stored, IReadOnlyList<Output> produced)
    {
        if (stored.Count != produced.Count)
        {
            return $"{stored.Count} stored output(s), {produced.Count} produced";
        }

        for (var i = 0; i < stored.Count; i++)
        {
            if (stored[i].Kind != produced[i].Kind)
            {
                return $"output {i + 1}: stored {stored[i].Kind}, produced {produced[i].Kind}";
            }

            var a = stored[i].Data.Split('\n');
            var b = produced[i].Data.Split('\n');
            for (var l = 0; l < Math.Max(a.Length, b.Length); l++)
            {
                var x = l < a.Length ? a[l] : "(none)";
                var y = l < b.Length ? b[l] : "(none)";
                if (x != y)
                {
                    return $"output {i + 1} ({stored[i].Kind}), line {l + 1}: stored [{Clip(x)}], produced [{Clip(y)}]";
                }
            }
        }

        return "(no line differs)";
    }

    private static string Clip(string s) => s.Length <= 300 ? s : s[..300] + "…";
}
