using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NetworkAnalysis.Notebooks.Tests;

/// <summary>Runs a notebook's code cells as one file-based program and reads each cell's output back.</summary>
internal static partial class NotebookRunner
{
    public sealed record CellOutput(int Number, string Stdout, IReadOnlyList<(string Mime, string Data)> Displays);

    public sealed record Result(bool Success, string Failure, IReadOnlyList<CellOutput> Cells, IReadOnlyList<NotebookProgram.CodeCell> CodeCells);

    [GeneratedRegex(@"notebook\.cs\((\d+),\d+\): error (\w+): (.*)$", RegexOptions.Multiline)]
    private static partial Regex CompileError();

    public static Result Run(string notebookPath, string repoRoot, TimeSpan timeout)
    {
        var name = Path.GetFileName(notebookPath);
        var notebook = JsonNode.Parse(File.ReadAllText(notebookPath))!;
        var cells = NotebookProgram.CodeCells(notebook);
        var (program, cellOfLine) = NotebookProgram.Build(cells, repoRoot);
        var work = Path.Combine(Path.GetTempPath(), "netan-notebook-" + Path.GetFileNameWithoutExtension(notebookPath) + "-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        var file = Path.Combine(work, "notebook.cs");
        File.WriteAllText(file, program);

        var start = new ProcessStartInfo("dotnet", ["run", "-c", "Release", file])
        {
            WorkingDirectory = Path.GetDirectoryName(notebookPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return new Result(false, $"{name}: timed out after {timeout.TotalSeconds:0} s", [], cells);
        }

        var stdout = stdoutTask.Result;
        var stderr = stderrTask.Result;
        var outputs = Split(stdout);
        if (process.ExitCode == 0)
        {
            var missing = cells.Select(c => c.Number).Except(outputs.Select(o => o.Number)).ToList();
            return missing.Count == 0
                ? new Result(true, "", outputs, cells)
                : new Result(false, $"{name}: cells {string.Join(", ", missing)} never ran", outputs, cells);
        }

        var compile = CompileError().Match(stdout + "\n" + stderr);
        if (compile.Success)
        {
            var line = int.Parse(compile.Groups[1].Value) - 1;
            var cell = line >= 0 && line < cellOfLine.Length ? cellOfLine[line] : 0;
            return new Result(false, $"{name}: cell {cell} does not compile: {compile.Groups[2].Value}: {compile.Groups[3].Value.Trim()}", outputs, cells);
        }

        var failed = outputs.Count == 0 ? 0 : outputs[^1].Number;
        var reason = string.Join('\n', stderr.Split('\n').Where(l => l.Length > 0).Take(12));
        return new Result(false, $"{name}: cell {failed} failed (exit code {process.ExitCode}):\n{reason}\n{Tail(stdout)}", outputs, cells);
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];

    private static List<CellOutput> Split(string stdout)
    {
        var result = new List<CellOutput>();
        int? number = null;
        var text = new StringBuilder();
        var displays = new List<(string, string)>();
        string? mime = null;
        var display = new StringBuilder();
        void Flush()
        {
            if (number is { } n)
            {
                result.Add(new CellOutput(n, text.ToString(), displays.ToList()));
            }

            text.Clear();
            displays.Clear();
        }

        foreach (var line in stdout.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (mime is not null)
            {
                if (line == NotebookProgram.DisplayEnd)
                {
                    displays.Add((mime, display.ToString().TrimEnd('\n')));
                    display.Clear();
                    mime = null;
                }
                else
                {
                    display.Append(line).Append('\n');
                }
            }
            else if (line.StartsWith(NotebookProgram.CellMarker, StringComparison.Ordinal))
            {
                Flush();
                number = int.Parse(line[NotebookProgram.CellMarker.Length..]);
            }
            else if (line.StartsWith(NotebookProgram.DisplayBegin, StringComparison.Ordinal))
            {
                mime = line[NotebookProgram.DisplayBegin.Length..];
            }
            else if (number is not null)
            {
                text.Append(line).Append('\n');
            }
        }

        Flush();
        return result;
    }

    /// <summary>Writes the cells' outputs into the notebook so it reads well on a code host without running.</summary>
    public static void WriteOutputs(string notebookPath, Result result)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(notebookPath))!;
        var cells = notebook["cells"]!.AsArray();
        foreach (var code in result.CodeCells)
        {
            var cell = cells[code.Index]!;
            var outputs = new JsonArray();
            var produced = result.Cells.FirstOrDefault(c => c.Number == code.Number);
            if (produced is not null)
            {
                var stdout = produced.Stdout.TrimEnd('\n');
                if (stdout.Length > 0)
                {
                    outputs.Add(new JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = Lines(stdout + "\n") });
                }

                foreach (var (mime, data) in produced.Displays)
                {
                    outputs.Add(new JsonObject
                    {
                        ["data"] = new JsonObject { [mime] = Lines(data) },
                        ["metadata"] = new JsonObject(),
                        ["output_type"] = "display_data",
                    });
                }
            }

            cell["outputs"] = outputs;
            cell["execution_count"] = code.Number;
        }

        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        File.WriteAllText(notebookPath, notebook.ToJsonString(options) + "\n");
    }

    [GeneratedRegex(@"\b\d+(?:[.,]\d+)?\s?(?:ms|s)\b")]
    private static partial Regex Duration();

    [GeneratedRegex(@"/tmp/[^\s""'<>]*")]
    private static partial Regex TempPath();

    /// <summary>Output text with what may differ between two honest runs (durations, temporary paths) replaced.</summary>
    public static string Normalise(string text) =>
        TempPath().Replace(Duration().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'), "<duration>"), "<temp>");

    /// <summary>Where the run's outputs differ from the ones stored in the notebook, cell by cell (empty when they agree).</summary>
    /// <remarks>The stored outputs are what the notebook shows a reader; a run that no longer produces them fails, so a
    /// notebook cannot claim a figure it no longer gets. Refresh them with NETAN_NOTEBOOK_UPDATE=1.</remarks>
    public static List<string> CompareOutputs(string notebookPath, Result result)
    {
        var name = Path.GetFileName(notebookPath);
        var cells = JsonNode.Parse(File.ReadAllText(notebookPath))!["cells"]!.AsArray();
        var differences = new List<string>();
        foreach (var code in result.CodeCells)
        {
            var stored = new List<string>();
            foreach (var output in cells[code.Index]!["outputs"]?.AsArray() ?? [])
            {
                if ((string?)output!["output_type"] == "stream")
                {
                    stored.Add("stdout: " + Normalise(Text(output["text"])));
                }
                else if (output["data"] is JsonObject data)
                {
                    stored.AddRange(data.Select(d => d.Key + ": " + Normalise(Text(d.Value))));
                }
            }

            var produced = new List<string>();
            var cell = result.Cells.FirstOrDefault(c => c.Number == code.Number);
            if (cell is not null)
            {
                if (cell.Stdout.TrimEnd('\n').Length > 0)
                {
                    produced.Add("stdout: " + Normalise(cell.Stdout));
                }

                produced.AddRange(cell.Displays.Select(d => d.Mime + ": " + Normalise(d.Data)));
            }

            if (!stored.SequenceEqual(produced, StringComparer.Ordinal))
            {
                differences.Add($"{name} cell {code.Number}: the run's output differs from the stored one: {FirstDifference(stored, produced)}");
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

    private static string FirstDifference(List<string> stored, List<string> produced)
    {
        if (stored.Count != produced.Count)
        {
            return $"{stored.Count} stored output(s), {produced.Count} produced";
        }

        for (var i = 0; i < stored.Count; i++)
        {
            var a = stored[i].Split('\n');
            var b = produced[i].Split('\n');
            for (var l = 0; l < Math.Max(a.Length, b.Length); l++)
            {
                var x = l < a.Length ? a[l] : "(none)";
                var y = l < b.Length ? b[l] : "(none)";
                if (x != y)
                {
                    return $"output {i + 1}, line {l + 1}: stored [{Clip(x)}], produced [{Clip(y)}]";
                }
            }
        }

        return "(no line differs)";
    }

    private static string Clip(string s) => s.Length <= 300 ? s : s[..300] + "…";

    private static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        var parts = text.Split('\n');
        for (var i = 0; i < parts.Length; i++)
        {
            var piece = i < parts.Length - 1 ? parts[i] + "\n" : parts[i];
            if (piece.Length > 0)
            {
                array.Add(piece);
            }
        }

        return array;
    }
}
