using NetworkAnalysis.Core.Ads;

namespace NetworkAnalysis.Core.Tests.Ads;

public sealed class AdReaderTests
{
    private static List<AdReadItem> Read(string text, AdInputFormat format, AdReaderOptions? options = null) =>
        new AdReader(options).Read(new StringReader(text), format, "in.txt").ToList();

    [Fact]
    public void Read_JsonLines_MapsEveryField()
    {
        // Given
        const string line = """{"id":"7","site":"s","posted_at":"2026-01-02T03:04:05Z","city":"Reno","region":"NV","country":"us","title":"T","body":"B","poster":"acc","images":["a.jpg","b.jpg"],"image_hashes":"sha256:ab","price":"$150","age":22,"extra":"kept"}""";

        // When
        var ad = Read(line, AdInputFormat.JsonLines).Single().Ad!;

        // Then
        ad.Id.ShouldBe("7");
        ad.Key.ShouldBe("s/7");
        ad.PostedAt.ShouldBe(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        ad.Country.ShouldBe("US");
        ad.Images.ShouldBe(["a.jpg", "b.jpg"]);
        ad.Price.ShouldBe(150m);
        ad.Age.ShouldBe(22);
        ad.Attributes["extra"].ShouldBe("kept");
        ad.Text.ShouldBe("T\nB");
        ad.Line.ShouldBe(1);
    }

    [Fact]
    public void Read_MalformedRows_ReportsEachWithLineAndKeepsTheRest()
    {
        // Given: line 2 is broken JSON, line 3 lacks an id, line 4 has a bad date
        var text = string.Join('\n',
            """{"id":"1"}""", """{"id":""", """{"title":"x"}""", """{"id":"4","posted_at":"yesterday"}""", """{"id":"5"}""");

        // When
        var items = Read(text, AdInputFormat.JsonLines);

        // Then
        items.Count.ShouldBe(5);
        items.Where(i => i.IsSuccess).Select(i => i.Ad!.Id).ShouldBe(["1", "5"]);
        items[1].Error!.Line.ShouldBe(2);
        items[2].Error!.Field.ShouldBe("id");
        items[3].Error!.ToString().ShouldContain("in.txt:4: field 'posted_at'");
    }

    [Fact]
    public void Read_CsvWithQuotedNewlines_ReportsStartLineOfEachRow()
    {
        // Given
        const string csv = "id,body,city\n1,\"multi\nline, body\",Reno\n2,plain,Elko\n";

        // When
        var ads = Read(csv, AdInputFormat.Csv).Select(i => i.Ad!).ToList();

        // Then
        ads.Select(a => a.Line).ShouldBe([2, 4]);
        ads[0].Body.ShouldBe("multi\nline, body");
        ads[1].City.ShouldBe("Elko");
    }

    [Fact]
    public void Read_CsvUnbalancedQuote_LosesOnlyThatRow()
    {
        // Given: row 2 opens a quote that never closes
        const string csv = "id,body\n1,\"never closed\n2,fine\n3,also fine\n";

        // When
        var items = Read(csv, AdInputFormat.Csv);

        // Then
        items[0].Error!.Line.ShouldBe(2);
        items[0].Error!.Message.ShouldContain("unbalanced quote");
        items.Where(i => i.IsSuccess).Select(i => i.Ad!.Id).ShouldBe(["2", "3"]);
    }

    [Fact]
    public void Read_CsvWrongColumnCount_ReportsAndSkips()
    {
        var items = Read("id,body\n1,a,extra\n2,b\n", AdInputFormat.Csv);

        items[0].Error!.Message.ShouldContain("expected 2 columns, found 3");
        items[1].Ad!.Id.ShouldBe("2");
    }

    [Fact]
    public void Read_FieldMap_ReadsRenamedColumns()
    {
        var options = new AdReaderOptions { FieldMap = AdReaderOptions.ParseFieldMap(["body=description", "id=ad_number"]) };

        var ad = Read("ad_number,description\n9,hello\n", AdInputFormat.Csv, options).Single().Ad!;

        ad.Id.ShouldBe("9");
        ad.Body.ShouldBe("hello");
    }

    [Fact]
    public void ParseFieldMap_UnknownField_ThrowsNamingIt()
    {
        Should.Throw<FormatException>(() => AdReaderOptions.ParseFieldMap(["bodyy=x"])).Message.ShouldContain("bodyy");
    }

    [Fact]
    public void Read_SkipRows_ResumesAfterCommittedRows()
    {
        var items = new AdReader().Read(new StringReader("{\"id\":\"1\"}\n\n{\"id\":\"2\"}\n{\"id\":\"3\"}"), AdInputFormat.JsonLines, "f", skipRows: 2).ToList();

        items.Single().Ad!.Id.ShouldBe("3");
        items.Single().Ad!.Line.ShouldBe(4);
    }

    [Fact]
    public void Read_OversizedRowAndTooManyColumns_AreErrorsNotCrashes()
    {
        var options = new AdReaderOptions { MaxRowChars = 100, MaxColumns = 5 };
        var longRow = "{\"id\":\"1\",\"body\":\"" + new string('x', 200) + "\"}";
        var wide = "{" + string.Join(',', Enumerable.Range(0, 10).Select(i => $"\"c{i}\":1")) + "}";

        var items = Read(longRow + "\n" + wide + "\n{\"id\":\"ok\"}", AdInputFormat.JsonLines, options);

        items[0].Error!.Message.ShouldContain("over the limit");
        items[1].Error!.Message.ShouldContain("more than 5 fields");
        items[2].Ad!.Id.ShouldBe("ok");
    }

    [Fact]
    public void Read_DeeplyNestedJson_IsAnError()
    {
        var nested = "{\"id\":\"1\",\"x\":" + new string('[', 500) + new string(']', 500) + "}";

        Read(nested, AdInputFormat.JsonLines).Single().Error!.Message.ShouldContain("invalid JSON");
    }
}
