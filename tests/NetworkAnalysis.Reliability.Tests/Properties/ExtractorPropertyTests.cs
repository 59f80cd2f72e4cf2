using FsCheck;
using FsCheck.Fluent;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Reliability.Tests.Properties;

/// <summary>The entity extractor on adversarial ad text: never throws, spans index the original text exactly.</summary>
public sealed class ExtractorPropertyTests
{
    // Digits in several scripts, separators, obfuscation words, e-mail and handle characters, emoji and odd Unicode.
    private static readonly string[] Tokens =
    [
        "5", "0", "1", "555", "0100", "0199", "(", ")", "-", ".", " ", "+", "+1", "+44", "07700", "900", "0491", "570",
        "@", "at", "dot", "[at]", "(dot)", "example", ".com", "gmail", "x", "call", "text", "me", "five", "zero", "one",
        "٣", "５", "０", "𝟓", "😘", "💋", "\u200B", "\u00A0", "\u0301", "\uD800", "\uDC00", "\n", "\t", "<br>", "&#53;", "wa.me/", "t.me/", "$", "cashapp",
        "bc1q", "0x", "ABCDEFabcdef0123456789",
    ];

    private static readonly Arbitrary<string> Text = Arb.From(Gen.Elements(Tokens).ListOf().Select(parts => string.Concat(parts)));

    private static bool SpansHold(string text, string? country)
    {
        var result = new EntityExtractor().Extract(text, country);
        return result.Entities.All(m => m.Start >= 0 && m.Start <= m.End && m.End <= text.Length
                                        && m.Raw == text[m.Start..m.End]
                                        && m.Confidence is >= 0 and <= 1
                                        && !string.IsNullOrEmpty(m.Value))
            && result.Attributes.All(a => a.Start >= 0 && a.Start <= a.End && a.End <= text.Length && a.Raw == text[a.Start..a.End]);
    }

    [Theory]
    [InlineData("US")]
    [InlineData("GB")]
    [InlineData("AU")]
    [InlineData(null)]
    public void Extract_AdversarialText_NeverThrowsAndSpansIndexTheText(string? country)
    {
        PropertyConfig.Bounded(TimeSpan.FromMinutes(2), () =>
            SeededProperty.Check(Prop.ForAll(Text, text => SpansHold(text, country)), 1_000, 21));
    }

    [Fact]
    public void Extract_AnyUnicodeString_NeverThrows()
    {
        // Full Unicode (UnicodeText): surrogate pairs, non-BMP, noncharacters, bidi and zero-width marks, lone surrogates
        PropertyConfig.Bounded(TimeSpan.FromMinutes(2), () =>
            SeededProperty.Check(Prop.ForAll(UnicodeText.Arbitrary, text => SpansHold(text, "US")), 1_000, 22));
    }

    [Fact]
    public void Extract_LongRunsOfDigitsAndSeparators_Finishes()
    {
        // Inputs that make backtracking regexes blow up: long digit runs broken by separators, repeated '@' and dots.
        var inputs = new[]
        {
            string.Concat(Enumerable.Repeat("5-", 50_000)),
            string.Concat(Enumerable.Repeat("1 ", 50_000)) + "x",
            new string('5', 100_000),
            string.Concat(Enumerable.Repeat("a@", 50_000)),
            string.Concat(Enumerable.Repeat("a.", 50_000)) + "@",
            string.Concat(Enumerable.Repeat("(555) ", 20_000)),
        };

        PropertyConfig.Bounded(TimeSpan.FromMinutes(2), () =>
        {
            foreach (var text in inputs)
            {
                SpansHold(text, "US").ShouldBeTrue();
            }
        });
    }
}
