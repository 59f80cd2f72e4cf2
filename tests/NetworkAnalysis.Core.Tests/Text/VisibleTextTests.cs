using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Text;

namespace NetworkAnalysis.Core.Tests.Text;

/// <summary>What the reader sees is what the text holds: invisible formatting characters become markers, control
/// characters escapes, and an identifier written with them is still found.</summary>
public sealed class VisibleTextTests
{
    [Theory]
    [InlineData("Pay \u202E3410-555-207", "Pay ⟦U+202E⟧3410-555-207")]
    [InlineData("a\u202Ab\u202Bc\u202Cd\u202De", "a⟦U+202A⟧b⟦U+202B⟧c⟦U+202C⟧d⟦U+202D⟧e")]
    [InlineData("\u2066x\u2067y\u2068z\u2069", "⟦U+2066⟧x⟦U+2067⟧y⟦U+2068⟧z⟦U+2069⟧")]
    [InlineData("l\u200Er\u200Fa\u061C", "l⟦U+200E⟧r⟦U+200F⟧a⟦U+061C⟧")]
    [InlineData("anna\u200B99\u200C\u200D\u2060\uFEFF\u00AD", "anna⟦U+200B⟧99⟦U+200C⟧⟦U+200D⟧⟦U+2060⟧⟦U+FEFF⟧⟦U+00AD⟧")]
    [InlineData("tag\U000E0041", "tag⟦U+E0041⟧")]
    [InlineData("fill\u3164er", "fill⟦U+3164⟧er")]
    public void Show_InvisibleFormattingCharacters_BecomeMarkers(string text, string shown) =>
        VisibleText.Show(text).ShouldBe(shown);

    [Theory]
    [InlineData("plain text, 702-555-0143")]
    [InlineData("emoji family 👨\u200D👩\u200D👧 and 💋 kisses")]
    [InlineData("é ü ß — “quotes” 日本語 عربى")]
    public void Show_TextWithNothingHidden_IsUnchanged(string text) => VisibleText.Show(text).ShouldBeSameAs(text);

    [Fact]
    public void IsInvisible_EveryFormatCharacter_IsCovered()
    {
        // Derived from the Unicode category, not a hand list: every Cf code point is invisible
        for (var cp = 0; cp <= 0x10FFFF; cp++)
        {
            if (cp is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(cp) == System.Globalization.UnicodeCategory.Format)
            {
                VisibleText.IsInvisible(cp).ShouldBeTrue($"U+{cp:X4}");
            }
        }
    }

    [Fact]
    public void ForTerminal_EscapeSequencesAndControls_BecomeVisibleEscapes()
    {
        var shown = VisibleText.ForTerminal("a\u001B]0;pwned\u0007b\u001B[2Jc\u009B31m\r\u202E");
        shown.ShouldBe("a\\x1B]0;pwned\\x07b\\x1B[2Jc\\u009B31m\\x0D⟦U+202E⟧");
        shown.ShouldNotContain(c => char.IsControl(c));
    }

    [Fact]
    public void RemoveInvisible_ZeroWidthInsideAHandle_LeavesTheHandle() =>
        VisibleText.RemoveInvisible("anna\u200B99\u2060").ShouldBe("anna99");

    [Theory]
    [InlineData("Pay 702-555-0143")]
    [InlineData("Pay \u202E702-555-0143\u202C")]
    [InlineData("Pay 702\u200B-555-\u200B0143")]
    [InlineData("Pay 7\u202E0\u200B2-555-01\u200D43")]
    public void Extract_PhoneWrittenWithInvisibleCharacters_IsStillFound(string text)
    {
        var phones = new EntityExtractor().Extract(text, "US").Entities.Where(e => e.Type == EntityType.Phone).Select(e => e.Value);
        phones.ShouldBe(["+17025550143"]);
    }
}
