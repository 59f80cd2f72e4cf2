using FsCheck;
using FsCheck.Fluent;
using NetworkAnalysis.Core.Ads;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Reliability.Tests.Properties;

/// <summary>The ad reader on arbitrary and adversarial text: never throws, one item per row, resumable at any row.</summary>
public sealed class AdReaderPropertyTests
{
    // Structural characters weighted so generated text is full of quotes, delimiters, line ends and escapes.
    private static readonly string[] CsvTokens =
        ["\"", "\"\"", ",", "\t", "\n", "\r", "\r\n", "a", "1", "id", "id,title,body\n", " ", "\0", "\uFEFF", "\uD800", "é", "=1+1", "'", ";"];

    private static readonly string[] JsonTokens =
        ["{", "}", "[", "]", "\"", ":", ",", "\\", "\\u", "\\ud800", "\\udc00", "d800", "\n", "\"id\"", "\"1\"", "null", "1e999", "-", " ", "\0", "\uDC00", "é", "true", "{\"id\":\"x\"}\n"];

    private static Arbitrary<string> Text(string[] tokens) =>
        Arb.From(Gen.Elements(tokens).ListOf().Select(parts => string.Concat(parts)));

    private static List<AdReadItem> Read(string text, AdInputFormat format, long skip = 0) =>
        new AdReader(new AdReaderOptions { MaxRowChars = 2_000, MaxColumns = 16 }).Read(new StringReader(text), format, "p", skip).ToList();

    private static string Describe(AdReadItem item) =>
        item.Ad is { } ad ? $"ad {ad.Line} {ad.Key} {ad.Text}" : $"error {item.Error!.Line} {item.Error.Message}";

    private static bool WellFormed(string text, AdInputFormat format)
    {
        var items = Read(text, format);
        var lines = text.Count(c => c is '\n' or '\r') + 1;
        return items.Count <= lines
            && items.All(i => (i.Ad is null) != (i.Error is null))
            && items.All(i => i.Ad is null || (i.Ad.Line >= 1 && i.Ad.Id.Length > 0))
            && items.All(i => i.Error is null || i.Error.Line >= 1);
    }

    [Theory]
    [InlineData(AdInputFormat.Csv)]
    [InlineData(AdInputFormat.Tsv)]
    public void Read_AdversarialDelimitedText_NeverThrowsAndStaysBounded(AdInputFormat format)
    {
        PropertyConfig.Bounded(TimeSpan.FromMinutes(2), () =>
            SeededProperty.Check(Prop.ForAll(Text(CsvTokens), text => WellFormed("id,title,body\n" + text, format)), 1_000, 11));
    }

    [Fact]
    public void Read_AdversarialJsonLines_NeverThrowsAndStaysBounded()
    {
        PropertyConfig.Bounded(TimeSpan.FromMinutes(2), () =>
            SeededProperty.Check(Prop.ForAll(Text(JsonTokens), text => WellFormed(text, AdInputFormat.JsonLines)), 1_000, 12));
    }

    [Theory]
    [InlineData(AdInputFormat.Csv)]
    [InlineData(AdInputFormat.JsonLines)]
    public void Read_AnyUnicodeString_NeverThrows(AdInputFormat format)
    {
        PropertyConfig.Bounded(TimeSpan.FromMinutes(2), () =>
            SeededProperty.Check(Prop.ForAll(UnicodeText.Arbitrary, text => WellFormed(text, format)), 1_000, 13));
    }

    [Theory]
    [InlineData(AdInputFormat.Csv)]
    [InlineData(AdInputFormat.JsonLines)]
    public void Read_SkippingRows_YieldsExactlyTheRemainingItems(AdInputFormat format)
    {
        // The invariant resuming relies on: reading with skip k gives the full read's items from k on.
        var tokens = format == AdInputFormat.Csv ? CsvTokens : JsonTokens;
        var arb = Arb.From(Text(tokens).Generator.SelectMany(_ => Gen.Choose(0, 12), (text, skip) => (text, skip)));
        PropertyConfig.Bounded(TimeSpan.FromMinutes(2), () =>
            SeededProperty.Check(Prop.ForAll(arb, input =>
            {
                var text = (format == AdInputFormat.Csv ? "id,title,body\n" : "") + input.text;
                var all = Read(text, format).Select(Describe).ToList();
                var resumed = Read(text, format, input.skip).Select(Describe).ToList();
                return resumed.SequenceEqual(all.Skip(input.skip));
            }), 500, 14));
    }
}
