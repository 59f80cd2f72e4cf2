using System.Globalization;
using NetworkAnalysis.Core.Ads;

namespace NetworkAnalysis.Core.Tests.Ads;

/// <summary>The reader's faster paths (#21, session 13) give exactly what the general ones they stand in front of give.</summary>
public sealed class AdReaderFastPathTests
{
    [Theory]
    [InlineData("2026-01-02T03:04:05Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("2024-02-29T12:00:00Z")]
    [InlineData("2023-02-29T12:00:00Z")]
    [InlineData("2026-04-31T00:00:00Z")]
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("2026-00-10T00:00:00Z")]
    [InlineData("2026-01-00T00:00:00Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("2026-01-02T24:00:00Z")]
    [InlineData("2026-01-02T23:60:00Z")]
    [InlineData("2026-01-02T23:59:60Z")]
    [InlineData("2026-01-02t03:04:05z")]
    [InlineData("2026-01-02 03:04:05Z")]
    [InlineData("2026-01-02T03:04:05+02:00")]
    [InlineData("2026-01-02T03:04:05")]
    [InlineData("2026-01-02")]
    [InlineData(" 2026-01-02T03:04:05Z")]
    [InlineData("2026-01-02T03:04:05Z ")]
    [InlineData("2026-1-02T03:04:05Z")]
    [InlineData("2026-01-02T03:04:5Z")]
    [InlineData("2026-01-02T03:04:0xZ")]
    [InlineData("+026-01-02T03:04:05Z")]
    [InlineData("２０２６-01-02T03:04:05Z")]
    [InlineData("2026/01/02T03:04:05Z")]
    [InlineData("not a date at all, 20 c")]
    public void TryParsePostedAt_GivesWhatTheGeneralParserGives(string text) => ShouldMatchGeneralParser(text);

    [Fact]
    public void TryParsePostedAt_RandomInstants_GiveWhatTheGeneralParserGives()
    {
        var random = new Random(13);
        for (var i = 0; i < 20_000; i++)
        {
            // Digits anywhere in each field's range and a little beyond, so that invalid days, hours and so on are met too.
            var text = string.Create(CultureInfo.InvariantCulture,
                $"{random.Next(0, 10_000):D4}-{random.Next(0, 14):D2}-{random.Next(0, 33):D2}T{random.Next(0, 26):D2}:{random.Next(0, 62):D2}:{random.Next(0, 62):D2}Z");
            ShouldMatchGeneralParser(text);
        }
    }

    private static void ShouldMatchGeneralParser(string text)
    {
        var expectedOk = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var expected);
        var ok = AdReader.TryParsePostedAt(text, out var actual);
        ok.ShouldBe(expectedOk, text);
        if (ok)
        {
            actual.UtcTicks.ShouldBe(expected.UtcTicks, text);
            actual.Offset.ShouldBe(expected.Offset, text);
        }
    }

    [Theory]
    [InlineData("""{"a":"plain"}""", false)]
    [InlineData("""{"a":"\ud800"}""", true)]
    [InlineData("""{"a":"\uD83D\uDE00"}""", true)]
    [InlineData("""{"a":"\u00e9"}""", false)]
    [InlineData("""{"a":"\\ud800"}""", true)]
    [InlineData("""{"a":"\u"}""", false)]
    [InlineData("""\ud""", true)]
    [InlineData("""\u""", false)]
    [InlineData("""x\uDx""", true)]
    [InlineData("""\u\ud""", true)]
    [InlineData("""\u\u""", false)]
    public void NeedsRepair_FindsEscapedSurrogates(string line, bool expected)
    {
        JsonSurrogates.NeedsRepair(line).ShouldBe(expected);
        JsonSurrogates.NeedsRepair(line).ShouldBe(NeedsRepairOneByOne(line));
    }

    [Fact]
    public void NeedsRepair_RandomLines_AgreeWithTheCharacterByCharacterCheck()
    {
        var random = new Random(21);
        char[] alphabet = ['\\', 'u', 'd', 'D', 'a', '"', '0', '\uD800', '\uDC00', '\uD83D', 'é', ' '];
        for (var i = 0; i < 50_000; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var k = 0; k < chars.Length; k++)
            {
                // Mostly plain characters, so that long clean stretches meet the vectorised searches.
                chars[k] = random.Next(4) == 0 ? alphabet[random.Next(alphabet.Length)] : (char)random.Next(0x20, 0x7F);
            }

            var line = new string(chars);
            JsonSurrogates.NeedsRepair(line).ShouldBe(NeedsRepairOneByOne(line), line);
        }
    }

    /// <summary>The check as it was written before (#21, session 13).</summary>
    private static bool NeedsRepairOneByOne(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (char.IsSurrogate(c) || (c == '\\' && i + 2 < line.Length && line[i + 1] == 'u' && line[i + 2] is 'd' or 'D'))
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public void Read_RowWithoutExtraFields_HasNoAttributes_AndOneWithThemKeepsThemSorted()
    {
        var text = "{\"id\":\"1\",\"title\":\"t\"}\n{\"id\":\"2\",\"zeta\":\"z\",\"Alpha\":\"a\",\"alpha\":\"b\",\"nil\":null}\n";
        var ads = new AdReader().Read(new StringReader(text), AdInputFormat.JsonLines, "in.jsonl").Select(i => i.Ad!).ToList();
        ads[0].Attributes.ShouldBeEmpty();
        // Case-insensitive, last value wins under the first spelling; nulls are not attributes; ordinal order.
        ads[1].Attributes.ToList().ShouldBe([new("Alpha", "b"), new("zeta", "z")]);
    }
}

/// <summary>JSON Lines rows read straight from their UTF-8 (#21, session 13) give the ads and errors the <c>JsonDocument</c> path gives.</summary>
public sealed class AdReaderJsonFastPathTests
{
    private static readonly string[] Lines =
    [
        """{"id":"1","site":"s","posted_at":"2026-01-02T03:04:05Z","city":"Reno","region":"NV","country":"us","title":"T","body":"B","poster":"acc","images":["a.jpg","b.jpg"],"image_hashes":"sha256:ab","price":"$150","age":22,"extra":"kept"}""",
        """{"id":"2","ID":"3","Title":"first","title":"second","TITLE":null}""",
        """{"id":"4","price":150.50,"age":30,"flag":true,"off":false,"n":null,"list":[1,"two",null,true,2.5e3],"empty":[]}""",
        """ { "id" : "5" , "body" : "line\nbreak \u00e9 \/ \"quoted\" \\ back" , "Extra" : "x" , "extra" : "y" }  """,
        """{"id":"6","nested":{"a":1,"b":[1,2]},"after":"z"}""",
        """{"id":"7","deep":[[1,2],[3]]}""",
        """{"id":"8","emoji":"\ud83d\ude00","lone":"\ud800"}""",
        """{"id":"9"} trailing""",
        """{"id":"10",}""",
        """{"id":"11" /* comment */}""",
        """["id","12"]""",
        """"just a string\"""",
        """{"id":"13","a_column_name_that_is_much_longer_than_sixty_four_characters_to_pass_the_stack_buffer":"long"}""",
        """{"i\u0064":"14","\u0074itle":"escaped names"}""",
        """{"id":"15","posted_at":"2026-02-30T00:00:00Z"}""",
        """{"id":"16","price":"-3"}""",
        """{"id":"17","age":"abc"}""",
        """{"id":"","title":"no id"}""",
        """{"title":"missing id"}""",
        """{"id":"18","country":"USA"}""",
        """{"id":"19","images":"a.jpg; b.jpg;;","image_hashes":["sha256:aa","phash:0f"]}""",
        """{"id":"20","id":null}""",
        """{"id":"21","body":"\uD83D\uDE00 raw pair 😀"}""",
        """{"id":"22","x":1}{"id":"23"}""",
        """{"id":"24","big":123456789012345678901234567890}""",
        """{"id":"25","a":"1","b":"2","c":"3","d":"4"}""",
        """{"id":"26" """,
        """null""",
    ];

    [Fact]
    public void Read_JsonLines_FastPathGivesWhatTheDocumentPathGives()
    {
        var text = string.Join('\n', Lines) + "\n";
        var options = new AdReaderOptions { MaxColumns = 4, FieldMap = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["poster"] = "A" } };
        foreach (var opts in new[] { new AdReaderOptions(), options })
        {
            var fast = new AdReader(opts);
            var slow = new AdReader(opts) { JsonFastPath = false };
            var a = fast.Read(new StringReader(text), AdInputFormat.JsonLines, "in.jsonl").ToList();
            var b = slow.Read(new StringReader(text), AdInputFormat.JsonLines, "in.jsonl").ToList();
            a.Count.ShouldBe(b.Count);
            for (var i = 0; i < a.Count; i++)
            {
                Describe(a[i]).ShouldBe(Describe(b[i]), $"row {i + 1}: {Lines[i]}");
            }

            // The plain rows did go the fast way (so this compares two paths, not one with itself).
            fast.FastRows.ShouldBeGreaterThanOrEqualTo(opts.MaxColumns == 4 ? 10 : 15);
            slow.FastRows.ShouldBe(0);
        }
    }

    private static string Describe(AdReadItem item)
    {
        if (item.Error is { } e)
        {
            return $"error {e.Line} {e.Field} {e.Message}";
        }

        var ad = item.Ad!;
        return string.Join(" | ", ad.Id, ad.Site, ad.PostedAt?.UtcTicks, ad.PostedAt?.Offset, ad.City, ad.Region, ad.Country, ad.Title, ad.Body, ad.Poster,
            string.Join(",", ad.Images), string.Join(",", ad.ImageHashes), ad.Price, ad.Age, ad.RawRow, ad.Line,
            string.Join(",", ad.Attributes.Select(kv => kv.Key + "=" + kv.Value)));
    }
}
