using System.Text;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

public sealed class AdRawRowTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    // A JSON Lines row holding title, body and hashes verbatim
    [InlineData("{\"id\":\"1\",\"title\":\"Hot playful Nina\",\"body\":\"Call 617-555-0110 now, new in town\",\"image_hashes\":\"sha256:ab;sha256:cd\"}",
        "Hot playful Nina", "Call 617-555-0110 now, new in town", null, "sha256:ab;sha256:cd")]
    // The title inside the body: cut once each, never overlapping
    [InlineData("Nina is new|Nina is new in town, Nina is new", "Nina is new", "Nina is new in town, Nina is new", null, null)]
    // Body escaped in the row (not verbatim): nothing cut
    [InlineData("{\"body\":\"say \\\"hi\\\" to Ruby please\"}", null, "say \"hi\" to Ruby please", null, null)]
    // A row that itself begins with the marker, with and without something to cut
    [InlineData("\u0001\u0002t3;Ruby Ruby Ruby!", null, null, null, null)]
    [InlineData("\u0001 images/a.png;images/b.png", null, null, "images/a.png;images/b.png", null)]
    // Short values stay; empty row; a body that is the whole row
    [InlineData("a,b,short,c", "short", null, null, null)]
    [InlineData("", "", "", null, null)]
    [InlineData("the whole row is the body", null, "the whole row is the body", null, null)]
    // Astral characters around and inside the cut values
    [InlineData("😀Ruby 😀 is here😀|body text 😀 ok", "Ruby 😀 is here", "body text 😀 ok", null, null)]
    public void EncodeThenDecode_GivesTheRowBack(string raw, string? title, string? body, string? images, string? hashes)
    {
        // When the row is stored beside these columns and read back
        var stored = AdRawRow.Encode(raw, title, body, images, hashes);
        var back = AdRawRow.Decode(stored, title, body, images, hashes);

        // Then it is the row, byte for byte
        back.ShouldBe(raw);
        stored.Length.ShouldBeLessThanOrEqualTo(raw.Length + 24);
    }

    [Theory]
    [InlineData("{\"id\":\"1\",\"title\":\"Hot playful Nina\",\"body\":\"Call 617-555-0110 now, new in town\",\"image_hashes\":\"sha256:ab;sha256:cd\"}",
        "Hot playful Nina", "Call 617-555-0110 now, new in town", null, "sha256:ab;sha256:cd")]
    [InlineData("Nina is new|Nina is new in town, Nina is new", "Nina is new", "Nina is new in town, Nina is new", null, null)]
    [InlineData("\u0001\u0002t3;Ruby Ruby Ruby!", null, null, null, null)]
    [InlineData("\u0001 images/a.png;images/b.png", null, null, "images/a.png;images/b.png", null)]
    [InlineData("", "", "", null, null)]
    [InlineData("plain row with nothing to cut", "title here", "body here", null, null)]
    [InlineData("😀Ruby 😀 is here😀|body text 😀 ok|ｔｅｓｔ ｆｕｌｌｗｉｄｔｈ", "Ruby 😀 is here", "body text 😀 ok", null, null)]
    // Ten cuts' worth of digits: offsets past 9, 99 and 999
    [InlineData("0123456789012345678901234567890123456789|title of the ad|" + "body of the ad, long enough", "title of the ad", "body of the ad, long enough", null, null)]
    public void EncodeUtf8_IsTheUtf8OfEncode(string raw, string? title, string? body, string? images, string? hashes)
    {
        var bytes = AdRawRow.EncodeUtf8(raw, title, body, images, hashes);
        bytes.ShouldBe(Encoding.UTF8.GetBytes(AdRawRow.Encode(raw, title, body, images, hashes)));
    }

    [Fact]
    public void EncodeUtf8_LoneSurrogatesMeetingAcrossACut_AreEncodedAsTheStoredString()
    {
        // A lone high surrogate before the cut title and a lone low one after it: adjacent in the stored form, they pair up
        var raw = "a" + (char)0xD83D + "Ruby is here now" + (char)0xDE00 + "b";
        var bytes = AdRawRow.EncodeUtf8(raw, "Ruby is here now", null, null, null);
        bytes.ShouldBe(Encoding.UTF8.GetBytes(AdRawRow.Encode(raw, "Ruby is here now", null, null, null)));
        Encoding.UTF8.GetString(bytes).ShouldContain("😀");
    }

    [Theory]
    [InlineData("Nina", "Call 617-555-0110")]
    [InlineData(null, "only a body")]
    [InlineData("", "only a body")]
    [InlineData("only a title", null)]
    [InlineData("only a title", "")]
    [InlineData(null, null)]
    [InlineData("ｔｉｔｌｅ 😀", "bödy 😀")]
    public void TextUtf8_IsTheUtf8OfTheComposedText(string? title, string? body)
    {
        var text = AdInsertRow.TextUtf8(title, AdInsertRow.Utf8(title), body, AdInsertRow.Utf8(body));
        text.ShouldBe(Encoding.UTF8.GetBytes(NetworkAnalysis.Core.Ads.Ad.ComposeText(title, body)));
    }

    [Fact]
    public void TextUtf8_LoneSurrogatesAroundTheNewline_AreEncodedAsTheComposedText()
    {
        var title = "end" + (char)0xD83D;
        var body = (char)0xDE00 + "start";
        AdInsertRow.TextUtf8(title, AdInsertRow.Utf8(title), body, AdInsertRow.Utf8(body))
            .ShouldBe(Encoding.UTF8.GetBytes(NetworkAnalysis.Core.Ads.Ad.ComposeText(title, body)));
    }

    [Fact]
    public void EncodeUtf8_LongRows_AreTheUtf8OfEncode()
    {
        // Offsets of every width, cut values anywhere, non-ASCII text
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var prefix = new string('x', random.Next(0, 3000)) + "é";
            var title = "Title number " + i + " ü";
            var body = "Body " + new string('b', random.Next(8, 2000)) + " 😀";
            var hashes = "sha256:" + new string('a', 64);
            var raw = prefix + "\"title\":\"" + title + "\"," + new string('y', random.Next(0, 100)) + body + "|" + hashes + "|end";
            AdRawRow.EncodeUtf8(raw, title, body, null, hashes).ShouldBe(Encoding.UTF8.GetBytes(AdRawRow.Encode(raw, title, body, null, hashes)));
            AdRawRow.Decode(AdRawRow.Encode(raw, title, body, null, hashes), title, body, null, hashes).ShouldBe(raw);
        }
    }

    [Fact]
    public void Encode_RowHoldingItsColumns_StoresLessThanHalf()
    {
        var raw = "{\"id\":\"7\",\"title\":\"Ruby - playful and independent\",\"body\":\"I'm petite, friendly and discreet. Call 812-555-0139.\","
            + "\"image_hashes\":\"sha256:34fdfc0c1e68aa2804254a803824b48ac10171275bd3aee6cba1a294b1d38368\"}";
        var stored = AdRawRow.Encode(raw, "Ruby - playful and independent", "I'm petite, friendly and discreet. Call 812-555-0139.", null,
            "sha256:34fdfc0c1e68aa2804254a803824b48ac10171275bd3aee6cba1a294b1d38368");
        stored.Length.ShouldBeLessThan(raw.Length / 2);
        stored[0].ShouldBe('\u0001');
    }

    [Theory]
    [InlineData("plain row, written before the change")]
    [InlineData(null)]
    public void Decode_PlainRowOfAnOldCase_IsItself(string? stored) =>
        AdRawRow.Decode(stored, "title here", "body here", null, null).ShouldBe(stored);

    [Theory]
    [InlineData("\u0001t5;")]           // no end of cuts
    [InlineData("\u0001x0;\u0002rest")] // unknown field
    [InlineData("\u0001b0;\u0002rest")] // the column it names is NULL
    [InlineData("\u0001t9;\u0002rest")] // offset past the remainder
    [InlineData("\u0001t3;t1;\u0002rest")] // offsets going back
    [InlineData("\u0001t3\u0002rest")]  // no terminator
    public void Decode_DamagedStoredForm_IsNull(string stored) =>
        AdRawRow.Decode(stored, "a title", null, null, null).ShouldBeNull();

    [Fact]
    public void Ingest_JsonLines_AdRawGivesBackEveryInputLine_AndStoresFewerBytes()
    {
        // Given 1,000 generated ads as JSON Lines
        var path = _dir.File("ads.jsonl");
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            CorpusWriter.WriteJsonLines(CorpusGenerator.Generate(new CorpusOptions { Ads = 1_000, Seed = 5 }), w);
        }

        // When they are ingested
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);
        new CaseIngestor(store).Ingest(path).AdsAdded.ShouldBe(1_000);

        // Then ad_raw(...) gives each ad's input line exactly, and the stored rows are less than half of the lines
        var lines = File.ReadAllLines(path, Encoding.UTF8).Where(l => l.Length > 0).ToArray();
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = "SELECT line, ad_raw(raw, title, body, images, image_hashes), length(CAST(raw AS BLOB)) FROM ads ORDER BY line;";
        using var r = cmd.ExecuteReader();
        long stored = 0, original = 0, rows = 0;
        while (r.Read())
        {
            var line = lines[r.GetInt32(0) - 1];
            r.GetString(1).ShouldBe(line);
            stored += r.GetInt64(2);
            original += Encoding.UTF8.GetByteCount(line);
            rows++;
        }

        rows.ShouldBe(1_000);
        stored.ShouldBeLessThan(original / 2);
    }

    [Fact]
    public void ReadOnlyConnection_HasTheFunction()
    {
        var path = _dir.File("c.case");
        using (CaseStore.Open(path, create: true))
        {
        }

        using var connection = CaseStore.OpenReadOnlyConnection(Path.GetFullPath(path), immutable: false);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT ad_raw('\u0001t1;\u0002[]', 'x title x', NULL, NULL, NULL);";
        cmd.ExecuteScalar().ShouldBe("[x title x]");
    }
}
