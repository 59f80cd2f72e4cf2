using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NetworkAnalysis.Notebooks.Tests;

/// <summary>Turns a C# .ipynb into a .NET 10 file-based program whose output marks where each code cell starts.</summary>
/// <remarks>
/// <c>#r "…/NetworkAnalysis.X.dll"</c> lines (how the notebook loads the library in Jupyter) become
/// <c>#:project</c> references to the matching project; <c>using</c> directives are hoisted to the top;
/// <c>display(...)</c> and <c>HTML(...)</c>, which the .NET Interactive kernel provides, get small stand-ins
/// that print a marked block the runner can read back as the cell's rich output.
/// </remarks>
internal static partial class NotebookProgram
{
    public const string CellMarker = "\u001eNETAN-CELL ";
    public const string DisplayBegin = "\u001eNETAN-DISPLAY-BEGIN ";
    public const string DisplayEnd = "\u001eNETAN-DISPLAY-END";

    public sealed record CodeCell(int Index, int Number, string Source);

    [GeneratedRegex(@"^\s*#r\s+""[^""]*?(NetworkAnalysis\.[A-Za-z]+)\.dll""\s*$")]
    private static partial Regex ReferenceLine();

    [GeneratedRegex(@"^\s*using\s+(static\s+)?[A-Za-z_][\w.]*\s*(=\s*[\w.<>]+\s*)?;\s*$")]
    private static partial Regex UsingLine();

    public static IReadOnlyList<CodeCell> CodeCells(JsonNode notebook)
    {
        var cells = notebook["cells"]!.AsArray();
        var list = new List<CodeCell>();
        for (var i = 0; i < cells.Count; i++)
        {
            if ((string?)cells[i]!["cell_type"] != "code")
            {
                continue;
            }

            var source = cells[i]!["source"] switch
            {
                JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
                JsonNode node => (string?)node ?? "",
                null => "",
            };
            list.Add(new CodeCell(i, list.Count + 1, source));
        }

        return list;
    }

    /// <summary>Builds the program text and, for each of its lines, the code cell it came from (0 for the prelude).</summary>
    public static (string Program, int[] CellOfLine) Build(IReadOnlyList<CodeCell> cells, string repoRoot)
    {
        var header = new List<string> { "#:property PublishAot=false", "#:property Nullable=enable", "#:property WarningLevel=0" };
        var usings = new SortedSet<string>(StringComparer.Ordinal);
        var body = new List<(string Line, int Cell)>();
        foreach (var cell in cells)
        {
            body.Add(($"System.Console.Out.Flush(); System.Console.WriteLine(\"{CellMarker}{cell.Number}\");", cell.Number));
            foreach (var raw in cell.Source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                var reference = ReferenceLine().Match(raw);
                if (reference.Success)
                {
                    var project = Path.Combine(repoRoot, "src", reference.Groups[1].Value, reference.Groups[1].Value + ".csproj");
                    var directive = $"#:project {project}";
                    if (!header.Contains(directive))
                    {
                        header.Add(directive);
                    }

                    body.Add(("", cell.Number));
                }
                else if (UsingLine().IsMatch(raw))
                {
                    usings.Add(raw.Trim());
                    body.Add(("", cell.Number));
                }
                else if (raw.TrimStart().StartsWith("#!", StringComparison.Ordinal) || raw.TrimStart().StartsWith("#i ", StringComparison.Ordinal)
                    || raw.TrimStart().StartsWith("#r ", StringComparison.Ordinal))
                {
                    // Kernel magic commands and package references mean nothing here: #:project brings the packages.
                    body.Add(("", cell.Number));
                }
                else
                {
                    body.Add((raw, cell.Number));
                }
            }
        }

        var lines = new List<(string, int)>();
        lines.AddRange(header.Select(h => (h, 0)));
        lines.AddRange(usings.Select(u => (u, 0)));
        lines.AddRange(body);
        lines.AddRange(Prelude.Split('\n').Select(l => (l, 0)));
        var text = new StringBuilder();
        foreach (var (line, _) in lines)
        {
            text.Append(line).Append('\n');
        }

        return (text.ToString(), lines.Select(l => l.Item2).ToArray());
    }

    // Stand-ins for the kernel's display helpers; local functions are visible to every top-level statement.
    private const string Prelude = """
        static void display(object? value)
        {
            var (mime, text) = value switch
            {
                NotebookHtml h => ("text/html", h.Html),
                _ => ("text/plain", value?.ToString() ?? ""),
            };
            System.Console.Out.Flush();
            System.Console.WriteLine("\u001eNETAN-DISPLAY-BEGIN " + mime);
            System.Console.WriteLine(text);
            System.Console.WriteLine("\u001eNETAN-DISPLAY-END");
        }
        static NotebookHtml HTML(string html) => new(html);
        sealed record NotebookHtml(string Html);
        """;
}
