using System.Text;
using FsCheck;
using FsCheck.Fluent;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Core.Tests.Extraction.Properties;

/// <summary>Properties of extraction on hostile text (FsCheck 3 from plain facts, seeded): it never throws, every span
/// indexes the original text, and the output is deterministic; plus a 1 MB body and binary junk.</summary>
public sealed class ExtractionPropertyTests
{
    // Ad-like pieces: digits in several scripts and spelled, separators, e-mail, handle and URL parts, HTML, emoji, bidi
    // and zero-width characters, combining marks and lone surrogates.
    private static readonly string[] Pieces =
    [
        "5", "0", "1", "7", "555", "0143", "702", "(", ")", "-", ".", " ", "  ", "+", "+1", "+44", "07700", "900", "@", " at ", "dot",
        "[at]", "(dot)", "example", ".com", "gmail", "snap:", "IG", "cash app", "$", "$mia", "venmo @", "t.me/", "wa.me/", "http://",
        "www.", "five", "zero", "oh", "seven", "o", "l", "I", "٣", "５", "０", "𝟓", "①", "5\uFE0F\u20E3", "😘", "\u200B", "\u202E", "\u00A0",
        "\u0301", "\uD800", "\uDC00", "\n", "\t", "<br>", "<b>", "</b>", "<script>", "&#53;", "&amp;", "&", "<", "23 yo", "$200hh",
        "ask for Mia", "new in town", "24/7", "34-24-36", "bc1q", "0x", "ABCDEFabcdef0123456789", "é", "ß", "İ", "\u212A", "\u017F",
        "[", "]", "{", "}", "\"", "'", "'s", "|", "｜", ":", "/", "#", "?", "_", "xn--", "рф", "みんな", "。", "中国", "✪", "localhost",
    ];

    private static readonly Arbitrary<string> AdText = Arb.From(Gen.OneOf(
        Gen.Elements(Pieces).ListOf().Select(parts => string.Concat(parts)),
        UnicodeText.Strings));

    private static bool Holds(EntityExtractor extractor, string text)
    {
        var first = extractor.Extract(text, "US");
        var again = new EntityExtractor().Extract(text, "US");
        var spans = first.Entities.All(m => m.Start == -1
                || (m.Start >= 0 && m.Start < m.End && m.End <= text.Length && m.Raw == text[m.Start..m.End] && m.Value.Length > 0))
            && first.Attributes.All(a => a.Start >= 0 && a.Start < a.End && a.End <= text.Length && a.Raw == text[a.Start..a.End]);
        var deterministic = first.Entities.SequenceEqual(again.Entities) && first.Attributes.SequenceEqual(again.Attributes);
        return spans && deterministic;
    }

    [Fact]
    public void Extract_100000RandomStrings_NeverThrowsSpansIndexTheTextAndIsDeterministic()
    {
        // Given 100,000 seeded random strings, half built from ad-like pieces and half arbitrary Unicode (UnicodeText:
        // surrogate pairs, non-BMP, noncharacters, bidi and zero-width marks, lone surrogates)
        var extractor = new EntityExtractor();
        var checkedCount = 0;

        // When each is extracted twice (once by a fresh extractor), then no exception, spans hold and results agree
        SeededProperty.Check(Prop.ForAll(AdText, text =>
        {
            Interlocked.Increment(ref checkedCount);
            return Holds(extractor, text);
        }), 100_000, 31);
        checkedCount.ShouldBe(100_000);
    }

    [Fact]
    public void Extract_OneMegabyteBody_FindsEveryPlantedPhoneWithItsSpan()
    {
        // Given a 1 MB body of filler with a fictional number planted every ~10 KB, some spelled or in HTML
        var sb = new StringBuilder(1 << 20);
        var planted = new List<(int Start, string Raw, string E164)>();
        var k = 0;
        while (sb.Length < (1 << 20))
        {
            for (var f = 0; f < 100; f++)
            {
                sb.Append("Sweet & discreet, <b>new</b> in town, 24/7, 34-24-36, $200hh. ");
            }

            var last = 100 + (k % 100);
            var (raw, e164) = (k % 3) switch
            {
                0 => ($"(702) 555-0{last}", $"+17025550{last}"),
                1 => ($"seven zero two 555 0{last}", $"+17025550{last}"),
                _ => ($"702.555.0{last}", $"+17025550{last}"),
            };
            sb.Append("call ");
            planted.Add((sb.Length, raw, e164));
            sb.Append(raw).Append(" now. ");
            k++;
        }

        var text = sb.ToString();

        // When extracted
        var phones = new EntityExtractor().Extract(text, "US").Entities.Where(e => e.Type == EntityType.Phone).ToList();

        // Then exactly the planted numbers, each at its own span
        text.Length.ShouldBeGreaterThanOrEqualTo(1 << 20);
        phones.Select(p => (p.Start, p.Raw, p.Value)).ShouldBe(planted.Select(p => (p.Start, p.Raw, p.E164)));
    }

    [Fact]
    public void Extract_BinaryJunkAndInvalidUtf8_FinishesAndStillFindsTheNumber()
    {
        // Given 200 seeded blocks of random bytes decoded three ways (UTF-8 with invalid sequences replaced, Latin-1, and
        // raw UTF-16 code units including lone surrogates), with one number between spaces in the middle
        var random = new Random(7);
        var extractor = new EntityExtractor();
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[4096];
            random.NextBytes(bytes);
            var units = new char[2048];
            for (var u = 0; u < units.Length; u++)
            {
                units[u] = (char)BitConverter.ToUInt16(bytes, 2 * u);
            }

            foreach (var decoded in new[] { Encoding.UTF8.GetString(bytes), Encoding.Latin1.GetString(bytes), new string(units) })
            {
                // The whole junk is extracted as is first; for the planted number, '<' is taken out of the junk, since
                // "<x ... >" around the number is rightly read as one HTML tag (and dropped) by the normaliser.
                Holds(extractor, decoded).ShouldBeTrue();
                var junk = decoded.Replace('<', ' ');
                var text = junk + "\n call (702) 555-0143 now \n" + junk;

                // When extracted, then it does not throw, spans index the text, and the number is found at its place
                var result = extractor.Extract(text, "US");
                Holds(extractor, text).ShouldBeTrue();
                var at = junk.Length + "\n call ".Length;
                result.Entities.ShouldContain(e => e.Type == EntityType.Phone && e.Value == "+17025550143" && e.Start == at && e.Raw == "(702) 555-0143");
            }
        }
    }
}
