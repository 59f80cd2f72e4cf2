using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace NetworkAnalysis.Core.Ads;

public sealed partial class AdSourceReader
{
    private const long MaxPartBytes = 256L * 1024 * 1024;
    private const long MaxCompressionRatio = 200;
    private const int MaxSheetColumns = 16_384;

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = false,
        MaxCharactersInDocument = MaxPartBytes,
    };

    /// <summary>The rows of the chosen sheet of an .xlsx workbook: formulas give their cached values, merged cells their top-left value.</summary>
    /// <remarks>
    /// Zip bombs are refused before decompressing: a part declared over 256 MB or compressed more than 200:1 stops the
    /// read with one error, and the bytes actually inflated are counted too in case the declared sizes lie.
    /// </remarks>
    private IEnumerable<SheetRow> ReadWorkbook(Stream stream, string path)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            return [new SheetRow(0, null, $"not a readable .xlsx workbook (zip): {ex.Message}")];
        }

        return ReadWorkbook(zip);
    }

    private IEnumerable<SheetRow> ReadWorkbook(ZipArchive zip)
    {
        using (zip)
        {
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > MaxPartBytes || (entry.CompressedLength > 0 && entry.Length / Math.Max(1, entry.CompressedLength) > MaxCompressionRatio && entry.Length > 1024 * 1024))
                {
                    yield return new SheetRow(0, null,
                        $"refused: part '{entry.FullName}' inflates {entry.CompressedLength:N0} bytes to {entry.Length:N0} (over 256 MB or more than {MaxCompressionRatio}:1): a zip bomb, not a workbook");
                    yield break;
                }
            }

            string? problem = null;
            string? sheetPath = null;
            List<string> shared = [];
            Dictionary<int, bool> dateStyles = [];
            List<(int Row1, int Col1, int Row2, int Col2)> merges = [];
            try
            {
                sheetPath = FindSheet(zip, Sheet, out problem);
                if (sheetPath is not null)
                {
                    shared = SharedStrings(zip);
                    dateStyles = DateStyles(zip);
                    merges = MergedCells(zip.GetEntry(sheetPath)!);
                }
            }
            catch (Exception ex) when (ex is XmlException or InvalidDataException or IOException)
            {
                problem = $"the workbook is damaged: {ex.Message}";
            }

            if (problem is not null || sheetPath is null)
            {
                yield return new SheetRow(0, null, problem ?? "no worksheet in the workbook");
                yield break;
            }

            var rows = new List<SheetRow>();
            string? rowProblem = null;
            try
            {
                rows = SheetRows(zip.GetEntry(sheetPath)!, shared, dateStyles, merges);
            }
            catch (Exception ex) when (ex is XmlException or InvalidDataException or IOException)
            {
                rowProblem = $"the sheet is damaged: {ex.Message}";
            }

            foreach (var row in rows)
            {
                yield return row;
            }

            if (rowProblem is not null)
            {
                yield return new SheetRow(rows.Count == 0 ? 0 : rows[^1].Line + 1, null, rowProblem);
            }
        }
    }

    private static Stream Open(ZipArchiveEntry entry) => new BoundedStream(entry.Open(), MaxPartBytes, entry.FullName);

    private static string? FindSheet(ZipArchive zip, string? wanted, out string? problem)
    {
        problem = null;
        var workbook = zip.GetEntry("xl/workbook.xml");
        if (workbook is null)
        {
            problem = "not an .xlsx workbook: no xl/workbook.xml inside";
            return null;
        }

        var sheets = new List<(string Name, string RelId)>();
        using (var reader = XmlReader.Create(Open(workbook), XmlSettings))
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet")
                {
                    var rel = reader.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
                    sheets.Add((reader.GetAttribute("name") ?? "", rel ?? ""));
                }
            }
        }

        if (sheets.Count == 0)
        {
            problem = "the workbook has no sheets";
            return null;
        }

        var chosen = wanted is null ? sheets[0] : sheets.FirstOrDefault(s => s.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase));
        if (chosen.Name is null)
        {
            problem = $"no sheet named '{wanted}'; the sheets are: {string.Join(", ", sheets.Select(s => s.Name))}";
            return null;
        }

        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels)
        {
            using var reader = XmlReader.Create(Open(rels), XmlSettings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship")
                {
                    targets[reader.GetAttribute("Id") ?? ""] = reader.GetAttribute("Target") ?? "";
                }
            }
        }

        var target = targets.GetValueOrDefault(chosen.RelId) ?? $"worksheets/sheet{sheets.IndexOf(chosen) + 1}.xml";
        var full = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
        if (zip.GetEntry(full) is null)
        {
            problem = $"sheet '{chosen.Name}' names {full}, which is not in the workbook";
            return null;
        }

        return full;
    }

    private static List<string> SharedStrings(ZipArchive zip)
    {
        var strings = new List<string>();
        if (zip.GetEntry("xl/sharedStrings.xml") is not { } entry)
        {
            return strings;
        }

        using var reader = XmlReader.Create(Open(entry), XmlSettings);
        var current = new System.Text.StringBuilder();
        var inSi = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                inSi = true;
                current.Clear();
                if (reader.IsEmptyElement)
                {
                    strings.Add("");
                    inSi = false;
                }
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t" && inSi)
            {
                current.Append(reader.ReadElementContentAsString());
                if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "si")
                {
                    strings.Add(current.ToString());
                    inSi = false;
                }
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh")
            {
                reader.Skip(); // phonetic runs are not part of the text
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "si")
            {
                strings.Add(current.ToString());
                inSi = false;
            }
        }

        return strings;
    }

    /// <summary>Which cell styles (index into cellXfs) show a number as a date.</summary>
    private static Dictionary<int, bool> DateStyles(ZipArchive zip)
    {
        var result = new Dictionary<int, bool>();
        if (zip.GetEntry("xl/styles.xml") is not { } entry)
        {
            return result;
        }

        var customDate = new HashSet<int>();
        var index = 0;
        var inCellXfs = false;
        using var reader = XmlReader.Create(Open(entry), XmlSettings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "numFmt")
            {
                var code = (reader.GetAttribute("formatCode") ?? "").ToLowerInvariant();
                var stripped = System.Text.RegularExpressions.Regex.Replace(code, "\\[[^\\]]*\\]|\"[^\"]*\"", "", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
                if (int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    && (stripped.Contains('y', StringComparison.Ordinal) || stripped.Contains('d', StringComparison.Ordinal)))
                {
                    customDate.Add(id);
                }
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "cellXfs")
            {
                inCellXfs = true;
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs")
            {
                inCellXfs = false;
            }
            else if (inCellXfs && reader.NodeType == XmlNodeType.Element && reader.LocalName == "xf")
            {
                _ = int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var fmt);
                result[index++] = fmt is >= 14 and <= 22 or >= 45 and <= 47 || customDate.Contains(fmt);
            }
        }

        return result;
    }

    private static List<(int, int, int, int)> MergedCells(ZipArchiveEntry sheet)
    {
        var merges = new List<(int, int, int, int)>();
        using var reader = XmlReader.Create(Open(sheet), XmlSettings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheetData")
            {
                reader.Skip();
            }

            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "mergeCell" && reader.GetAttribute("ref") is { } range)
            {
                var parts = range.Split(':');
                if (parts.Length == 2 && CellRef(parts[0]) is var (r1, c1) && CellRef(parts[1]) is var (r2, c2) && r1 > 0 && r2 >= r1 && c2 >= c1)
                {
                    merges.Add((r1, c1, Math.Min(r2, r1 + 1_000_000), Math.Min(c2, MaxSheetColumns - 1)));
                }
            }
        }

        return merges;
    }

    private static List<SheetRow> SheetRows(ZipArchiveEntry sheet, List<string> shared, Dictionary<int, bool> dateStyles, List<(int Row1, int Col1, int Row2, int Col2)> merges)
    {
        var rows = new SortedDictionary<int, Dictionary<int, string>>();
        using (var reader = XmlReader.Create(Open(sheet), XmlSettings))
        {
            var rowNumber = 0;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName == "row")
                {
                    rowNumber = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
                }
                else if (reader.LocalName == "c")
                {
                    var (_, col) = CellRef(reader.GetAttribute("r") ?? "") is var (cr, cc) && cr > 0 ? (cr, cc) : (rowNumber, rows.GetValueOrDefault(rowNumber)?.Count ?? 0);
                    var type = reader.GetAttribute("t");
                    _ = int.TryParse(reader.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var style);
                    var value = CellValue(reader, type, shared, dateStyles.GetValueOrDefault(style));
                    if (col < MaxSheetColumns && value.Length > 0)
                    {
                        if (!rows.TryGetValue(rowNumber, out var cells))
                        {
                            rows[rowNumber] = cells = [];
                        }

                        cells[col] = value;
                    }
                }
            }
        }

        var lastRow = rows.Count == 0 ? 0 : rows.Keys.Max();
        foreach (var (r1, c1, r2, c2) in merges)
        {
            // A merged range shows its top-left value in every cell it covers (rows past the last one with data stay out).
            if (rows.GetValueOrDefault(r1)?.GetValueOrDefault(c1) is not { } value)
            {
                continue;
            }

            for (var r = r1; r <= Math.Min(r2, lastRow); r++)
            {
                if (!rows.TryGetValue(r, out var cells))
                {
                    rows[r] = cells = [];
                }

                for (var c = c1; c <= c2; c++)
                {
                    cells.TryAdd(c, value);
                }
            }
        }

        var width = rows.Count == 0 ? 0 : rows.Values.Where(c => c.Count > 0).Select(c => c.Keys.Max() + 1).DefaultIfEmpty(0).Max();
        return rows.Select(kv =>
        {
            var cells = new string[width];
            Array.Fill(cells, "");
            foreach (var (c, v) in kv.Value)
            {
                cells[c] = v;
            }

            return new SheetRow(kv.Key, cells, null);
        }).ToList();
    }

    private static string CellValue(XmlReader reader, string? type, List<string> shared, bool isDate)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }

        string? v = null, inline = null;
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "v")
            {
                v = reader.ReadElementContentAsString();
                continue;
            }

            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t")
            {
                inline = (inline ?? "") + reader.ReadElementContentAsString();
                continue;
            }

            if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "f" or "rPh")
            {
                // A formula: its cached value (<v>) is what the sheet shows; the formula itself is never evaluated.
                reader.Skip();
                continue;
            }

            reader.Read();
        }

        return type switch
        {
            "s" => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : "",
            "inlineStr" => inline ?? "",
            "b" => v == "1" ? "true" : v == "0" ? "false" : v ?? "",
            "e" => "",
            "str" => v ?? "",
            _ => isDate && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2_958_466
                ? DateTime.FromOADate(serial).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)
                : v ?? "",
        };
    }

    /// <summary>"B12" → (12, 1); (0, 0) when not a cell reference.</summary>
    private static (int Row, int Col) CellRef(string reference)
    {
        int i = 0, col = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            col = col * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            i++;
            if (col > MaxSheetColumns)
            {
                return (0, 0);
            }
        }

        return i > 0 && int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row > 0 ? (row, col - 1) : (0, 0);
    }
}
