using System.IO.Compression;
using System.Text;
using NetworkAnalysis.Core.Ads;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Core.Tests.Ads;

public sealed class AdSourceReaderTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<AdReadItem> Read(string path, AdInputFormat? format = null, string? sheet = null)
    {
        using var stream = File.OpenRead(path);
        return new AdSourceReader { Sheet = sheet }.Read(stream, path, format ?? AdFormatSniffer.Detect(path)!.Value).ToList();
    }

    private string Workbook(string name, string sheetXml, string? sharedStrings = null, string? styles = null)
    {
        var path = _dir.File(name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Part(string part, string content)
        {
            using var w = new StreamWriter(zip.CreateEntry(part).Open(), new UTF8Encoding(false));
            w.Write(content);
        }

        Part("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
        Part("xl/workbook.xml", """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Notes" sheetId="1" r:id="rId1"/><sheet name="Ads" sheetId="2" r:id="rId2"/></sheets></workbook>""");
        Part("xl/_rels/workbook.xml.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>""");
        Part("xl/worksheets/sheet1.xml", """<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>just notes</t></is></c></row></sheetData></worksheet>""");
        Part("xl/worksheets/sheet2.xml", sheetXml);
        if (sharedStrings is not null)
        {
            Part("xl/sharedStrings.xml", sharedStrings);
        }

        if (styles is not null)
        {
            Part("xl/styles.xml", styles);
        }

        return path;
    }

    [Fact]
    public void Xlsx_FormulasGiveCachedValues_MergedCellsFillTheirRange_DatesBecomeIso()
    {
        const string ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
        var sheet = $"""
            <worksheet {ns}><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>
            <row r="2"><c r="A2"><v>101</v></c><c r="B2" t="s"><v>5</v></c><c r="C2" t="str"><f>CONCAT("call ","702-555-0142")</f><v>call 702-555-0142</v></c><c r="D2"><f>100+50</f><v>150</v></c><c r="E2" s="1"><v>46083.5</v></c></row>
            <row r="3"><c r="A3"><v>102</v></c><c r="C3" t="inlineStr"><is><t>text 702.555.0142</t></is></c></row>
            </sheetData><mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells></worksheet>
            """;
        var shared = $"""<sst {ns}><si><t>id</t></si><si><t>city</t></si><si><t>body</t></si><si><t>price</t></si><si><t>posted_at</t></si><si><r><t>Re</t></r><r><t>no</t></r></si></sst>""";
        var styles = $"""<styleSheet {ns}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="22"/></cellXfs></styleSheet>""";
        var path = Workbook("ads.xlsx", sheet, shared, styles);

        var items = Read(path, sheet: "Ads");

        items.ShouldAllBe(i => i.IsSuccess);
        var ads = items.Select(i => i.Ad!).ToList();
        ads.Select(a => a.Id).ShouldBe(["101", "102"]);
        ads[0].Body.ShouldBe("call 702-555-0142");
        ads[0].Price.ShouldBe(150m);
        ads[0].PostedAt.ShouldBe(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));
        ads.Select(a => a.City).ShouldBe(["Reno", "Reno"]);
        ads[1].Line.ShouldBe(3);
    }

    [Fact]
    public void Xlsx_FirstSheetByDefault_AndAMissingSheetIsNamed()
    {
        var path = Workbook("ads.xlsx", "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData/></worksheet>");
        Read(path).Single().Error!.Message.ShouldContain("no 'id' column");
        Read(path, sheet: "Nope").Single().Error!.Message.ShouldBe("no sheet named 'Nope'; the sheets are: Notes, Ads");
    }

    [Fact]
    public void Xlsx_ZipBombDisguisedAsWorkbook_IsRefusedBeforeInflating()
    {
        var path = _dir.File("bomb.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var w = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 300; i++)
            {
                w.Write(zeros);
            }
        }

        new FileInfo(path).Length.ShouldBeLessThan(1_000_000);
        var item = Read(path).Single();
        item.Error!.Message.ShouldContain("zip bomb");
    }

    [Fact]
    public void Xlsx_NotAZip_IsOneError()
    {
        var path = _dir.Write("fake.xlsx", "PK\u0003\u0004 not really a zip");
        Read(path, AdInputFormat.Xlsx).Single().Error!.Message.ShouldContain("not a readable .xlsx");
    }

    [Fact]
    public void Sniff_RecognisesByContentNotName()
    {
        AdFormatSniffer.Detect(_dir.Write("a.txt", "{\"id\":\"1\"}\n")).ShouldBe(AdInputFormat.JsonLines);
        AdFormatSniffer.Detect(_dir.Write("b.json", "{\"url\":\"http://x.example/1\",\"raw_content\":\"<html></html>\"}\n")).ShouldBe(AdInputFormat.CrawlRecords);
        AdFormatSniffer.Detect(_dir.Write("c.dat", "WARC/1.0\r\nWARC-Type: warcinfo\r\n")).ShouldBe(AdInputFormat.Warc);
        AdFormatSniffer.Detect(_dir.Write("d", "<!DOCTYPE html><html></html>")).ShouldBe(AdInputFormat.Html);
        AdFormatSniffer.Detect(_dir.Write("e.data", "id\tbody\n1\thi\n")).ShouldBe(AdInputFormat.Tsv);
        AdFormatSniffer.Detect(_dir.Write("f.csv", "id,body\n1,hi\n")).ShouldBe(AdInputFormat.Csv);
        var gz = _dir.File("g.bin");
        using (var file = File.Create(gz))
        using (var zip = new GZipStream(file, CompressionLevel.Fastest))
        {
            zip.Write("WARC/1.0\r\n"u8);
        }

        AdFormatSniffer.Detect(gz).ShouldBe(AdInputFormat.Warc);
        AdFormatSniffer.Detect(_dir.Write("h.bin", "just words")).ShouldBeNull();
    }

    [Fact]
    public void CrawlRecords_HtmlBecomesAnAd_OtherContentIsCounted_BadLineIsReported()
    {
        var page = "<html><head><title>Mia</title></head><body><div>Mia here, call 702-555-0143 any time for fun</div></body></html>";
        var lines = string.Join('\n',
            System.Text.Json.JsonSerializer.Serialize(new { url = "http://ads.example.com/post/123456", timestamp = 1425340800000, content_type = "text/html", raw_content = page }),
            System.Text.Json.JsonSerializer.Serialize(new { url = "http://ads.example.com/a.jpg", timestamp = 1425340800000, content_type = "image/jpeg", raw_content = "xx" }),
            "{not json");
        var path = _dir.Write("cdr.jsonl", lines);
        using var stream = File.OpenRead(path);
        var reader = new AdSourceReader();
        var items = reader.Read(stream, path, AdInputFormat.CrawlRecords).ToList();
        items.Count.ShouldBe(2);
        items[0].Ad!.Key.ShouldBe("ads.example.com/123456");
        items[0].Ad!.Attributes["crawled_at"].ShouldBe("2015-03-03T00:00:00Z");
        items[1].Error!.Line.ShouldBe(3);
        reader.Skipped["not an HTML page"].ShouldBe(1);
    }

    [Fact]
    public void SavedPage_PhotosBesideItAreFiles_HostedOnesAreUrls()
    {
        Directory.CreateDirectory(_dir.File("ad_files"));
        File.WriteAllBytes(_dir.File("ad_files/p1.png"), [1, 2, 3]);
        var path = _dir.Write("ad.html", "<html><head><title>Zoe</title></head><body><div class=\"x\">Zoe in town, text 702-555-0144 now please"
            + "<img src=\"ad_files/p1.png\"><img src=\"https://img.example.com/p2.jpg?utm_campaign=z\"><img src=\"ad_files/missing.png\"></div></body></html>");
        var ad = Read(path).Single().Ad!;
        ad.Id.ShouldBe("ad");
        ad.Images.ShouldBe(["ad_files/p1.png"]);
        ad.ImageUrls.ShouldBe(["https://img.example.com/p2.jpg"]);
    }
}
