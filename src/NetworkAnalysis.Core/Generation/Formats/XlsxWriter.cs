using System.IO.Compression;
using System.Text;
using System.Xml;

namespace NetworkAnalysis.Core.Generation.Formats;

/// <summary>Writes a minimal .xlsx workbook (one sheet, inline strings), enough for Excel, LibreOffice and netan to read.</summary>
public static class XlsxWriter
{
    /// <summary>Writes <paramref name="rows"/> (the first is the header) to a one-sheet workbook.</summary>
    /// <param name="path">The .xlsx file.</param>
    /// <param name="sheetName">The sheet's name.</param>
    /// <param name="rows">Cells by row (strings); null is an empty cell.</param>
    public static void Write(string path, string sheetName, IEnumerable<string?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Part(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
        Part(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
        Part(zip, "xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{System.Security.SecurityElement.Escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest);
        using var stream = entry.Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        const string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        xml.WriteStartElement("worksheet", ns);
        xml.WriteStartElement("sheetData", ns);
        var r = 0;
        foreach (var row in rows)
        {
            r++;
            xml.WriteStartElement("row", ns);
            xml.WriteAttributeString("r", r.ToString(System.Globalization.CultureInfo.InvariantCulture));
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] is not { } value)
                {
                    continue;
                }

                xml.WriteStartElement("c", ns);
                xml.WriteAttributeString("r", Column(c) + r.ToString(System.Globalization.CultureInfo.InvariantCulture));
                xml.WriteAttributeString("t", "inlineStr");
                xml.WriteStartElement("is", ns);
                xml.WriteStartElement("t", ns);
                xml.WriteAttributeString("xml", "space", null, "preserve");
                xml.WriteString(XmlSafe(value));
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>"A", "B", … "Z", "AA" for a 0-based column.</summary>
    public static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static string XmlSafe(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var ch in value)
        {
            sb.Append(XmlConvert.IsXmlChar(ch) || char.IsSurrogate(ch) ? ch : '\uFFFD');
        }

        return sb.ToString();
    }

    private static void Part(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
