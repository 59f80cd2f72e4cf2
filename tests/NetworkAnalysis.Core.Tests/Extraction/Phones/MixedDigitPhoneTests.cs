using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Tests.Extraction.Phones;

/// <summary>Numbers that mix spelled and plain digit groups (issue #3): found, with the exact span in the original text.</summary>
public sealed class MixedDigitPhoneTests
{
    [Theory]
    [InlineData("seven zero two 555 0143", "seven zero two 555 0143")]
    [InlineData("call 7o2 five five five 0143 now", "7o2 five five five 0143")]
    [InlineData("call 702 five5five o1four3", "702 five5five o1four3")]
    [InlineData("<b>Mia</b> ＳＥＶＥＮ zero two 555 0143 xo", "ＳＥＶＥＮ zero two 555 0143")]
    [InlineData("llama al siete cero dos 555 cero uno cuatro tres", "siete cero dos 555 cero uno cuatro tres")]
    public void Extract_MixedSpelledAndDigitGroups_FindsTheNumberWithItsSpan(string text, string raw)
    {
        // When the ad is extracted
        var phones = new EntityExtractor().Extract(text, "US").Entities.Where(e => e.Type == EntityType.Phone).ToList();

        // Then one phone, +17025550143, whose span is exactly the number as written
        var phone = phones.ShouldHaveSingleItem();
        phone.Value.ShouldBe("+17025550143");
        phone.Raw.ShouldBe(raw);
        text[phone.Start..phone.End].ShouldBe(raw);
    }

    [Theory]
    [InlineData("I am twenty two, 5 foot 6, one hour 200 roses")]
    [InlineData("open seven days 9 to 5, one two three easy, 24/7")]
    [InlineData("born one nine nine nine, 34 24 36, size 6, two girls 3 hours")]
    [InlineData("room 12 two nights 150 each, five stars 100 percent")]
    [InlineData("one 2 three 4 five 6 seven 8")]
    public void Extract_SpelledNumbersThatAreNotPhones_FindsNoPhone(string text)
    {
        new EntityExtractor().Extract(text, "US").Entities.ShouldNotContain(e => e.Type == EntityType.Phone);
    }
}
