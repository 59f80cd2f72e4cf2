using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Tests.Extraction.Phones;

/// <summary>Phone forms seen in real ads (issue #17, invented numbers of the same shape): found as E.164 with the span as written.</summary>
public sealed class ObfuscatedPhoneTests
{
    [Theory]
    // Symbols and emoji as separators
    [InlineData("call 702♡555☆0143 xo", "US", "+17025550143", "702♡555☆0143")]
    [InlineData("702✨555✨0143", "US", "+17025550143", "702✨555✨0143")]
    [InlineData("text 702¥555¿0143", "US", "+17025550143", "702¥555¿0143")]
    [InlineData("702#555#0143 now", "US", "+17025550143", "702#555#0143")]
    [InlineData("702$555$0143", "US", "+17025550143", "702$555$0143")]
    [InlineData("hmu 702;55;50;143", "US", "+17025550143", "702;55;50;143")]
    [InlineData("702@555!0143", "US", "+17025550143", "702@555!0143")]
    [InlineData("702\\_555\\_0143", "US", "+17025550143", "702\\_555\\_0143")]
    [InlineData("702💋555💋0143 kisses", "US", "+17025550143", "702💋555💋0143")]
    [InlineData("702 🔥 555 🔥 0143", "US", "+17025550143", "702 🔥 555 🔥 0143")]
    // Enclosed and decorated digits
    [InlineData("⑦⓪②⑤⑤⑤⓪①④③", "US", "+17025550143", "⑦⓪②⑤⑤⑤⓪①④③")]
    [InlineData("❼⓿❷ ❺❺❺ ⓿❶❹❸", "US", "+17025550143", "❼⓿❷ ❺❺❺ ⓿❶❹❸")]
    [InlineData("➐⓪➁-555-0143", "US", "+17025550143", "➐⓪➁-555-0143")]
    [InlineData("⑺⑽ no", "US", null, null)]
    [InlineData("⑺⓪⑵ ⑸⑸⑸ ⓪⑴⑷⑶", "US", "+17025550143", "⑺⓪⑵ ⑸⑸⑸ ⓪⑴⑷⑶")]
    [InlineData("7ⓞ2 555 ⓞ143", "US", "+17025550143", "7ⓞ2 555 ⓞ143")]
    [InlineData("7Ⓞ2-555-Ⓞ143", "US", "+17025550143", "7Ⓞ2-555-Ⓞ143")]
    [InlineData("7⭕2 555 ⭕143", "US", "+17025550143", "7⭕2 555 ⭕143")]
    [InlineData("7🅾2 555 🅾143", "US", "+17025550143", "7🅾2 555 🅾143")]
    [InlineData("𝟳𝟬𝟮 𝟱𝟱𝟱 𝟬𝟭𝟰𝟯", "US", "+17025550143", "𝟳𝟬𝟮 𝟱𝟱𝟱 𝟬𝟭𝟰𝟯")]
    [InlineData("𝟽𝟶𝟸-𝟻𝟻𝟻-𝟶𝟷𝟺𝟹", "US", "+17025550143", "𝟽𝟶𝟸-𝟻𝟻𝟻-𝟶𝟷𝟺𝟹")]
    [InlineData("[7][0][2][5][5][5][0][1][4][3]", "US", "+17025550143", "[7][0][2][5][5][5][0][1][4][3]")]
    [InlineData("{7}{zero}{2}{5}{5}{5}{0}{1}{4}{3}", "US", "+17025550143", "{7}{zero}{2}{5}{5}{5}{0}{1}{4}{3}")]
    // Number words beyond single digits
    [InlineData("call seven zero two five five five zero one forty three", "US", "+17025550143", "seven zero two five five five zero one forty three")]
    [InlineData("seven oh two, five fifty five, oh one four three", "US", "+17025550143", "seven oh two, five fifty five, oh one four three")]
    [InlineData("seven hundred two 555 zero one forty three", "US", "+17025550143", "seven hundred two 555 zero one forty three")]
    [InlineData("seventy two 555 0143", "US", null, null)]
    [InlineData("7 o 2 five hundred fifty five o 1 4 3", "US", "+17025550143", "7 o 2 five hundred fifty five o 1 4 3")]
    [InlineData("702 555 zero one seventeen", "US", "+17025550117", "702 555 zero one seventeen")]
    [InlineData("TwO/6/zERo 555 0143", "US", "+12605550143", "TwO/6/zERo 555 0143")]
    [InlineData("seven 0 two five five five 0 one 4 three", "US", "+17025550143", "seven 0 two five five five 0 one 4 three")]
    [InlineData("626 twentysix-4ohthree", "US", null, null)]
    [InlineData("six2six-5five5-twentysix oh1", "US", "+16265552601", "six2six-5five5-twentysix oh1")]
    [InlineData("call 7oh2 555 01for3", "US", "+17025550143", "7oh2 555 01for3")]
    [InlineData("seven 0 to 555 won fore ate 3", "US", "+17025551483", "seven 0 to 555 won fore ate 3")]
    [InlineData("seven o too five five five o one four three", "US", "+17025550143", "seven o too five five five o one four three")]
    [InlineData("702 555 01 4 3", "US", "+17025550143", "702 555 01 4 3")]
    [InlineData("2th0usand", "US", null, null)]
    [InlineData("eight hundred 555 0143", "US", "+18005550143", "eight hundred 555 0143")]
    [InlineData("seventy one 8 555 0143", "US", "+17185550143", "seventy one 8 555 0143")]
    // Glued into letters or URL slugs
    [InlineData("callme7025550143now", "US", "+17025550143", "7025550143")]
    [InlineData("https://example.com/delhi-escort-919876543210-call", "IN", "+919876543210", "919876543210")]
    [InlineData("example.com/vegas-girl-7025550143-call", "US", "+17025550143", "7025550143")]
    // International forms and trunk prefixes
    [InlineData("call 09876543210", "IN", "+919876543210", "09876543210")]
    [InlineData("+91 98765 43210", "US", "+919876543210", "+91 98765 43210")]
    [InlineData("91 98765 43210", "US", "+919876543210", "91 98765 43210")]
    [InlineData("0091 98765 43210", "US", "+919876543210", "0091 98765 43210")]
    [InlineData("0491 570 156", "AU", "+61491570156", "0491 570 156")]
    [InlineData("61 491 570 156", "US", "+61491570156", "61 491 570 156")]
    [InlineData("0061 491 570 156", "GB", "+61491570156", "0061 491 570 156")]
    [InlineData("07700 900123", "GB", "+447700900123", "07700 900123")]
    [InlineData("44 7700 900123", "US", "+447700900123", "44 7700 900123")]
    [InlineData("0151 23456789", "DE", "+4915123456789", "0151 23456789")]
    [InlineData("0049 151 23456789", "US", "+4915123456789", "0049 151 23456789")]
    [InlineData("49 151 23456789", "US", "+4915123456789", "49 151 23456789")]
    [InlineData("8 (916) 123-45-67", "RU", "+79161234567", "8 (916) 123-45-67")]
    [InlineData("+7 916 123-45-67", "US", "+79161234567", "+7 916 123-45-67")]
    [InlineData("(604) 555-0143", "CA", "+16045550143", "(604) 555-0143")]
    [InlineData("55 1234 5678", "MX", "+525512345678", "55 1234 5678")]
    [InlineData("52 55 1234 5678", "US", "+525512345678", "52 55 1234 5678")]
    public void Extract_RealWorldForm_FindsTheNumberWithItsSpan(string text, string region, string? e164, string? raw)
    {
        // When the ad is extracted
        var phones = new EntityExtractor().Extract(text, region).Entities.Where(e => e.Type == EntityType.Phone).ToList();

        // Then exactly the expected number, whose span is the number as written (or none)
        if (e164 is null)
        {
            phones.ShouldBeEmpty();
            return;
        }

        var phone = phones.ShouldHaveSingleItem();
        phone.Value.ShouldBe(e164);
        if (raw is not null)
        {
            phone.Raw.ShouldBe(raw);
        }

        text[phone.Start..phone.End].ShouldBe(phone.Raw);
    }

    [Theory]
    [InlineData("Science 296, 176, 205-227 (2002).")]
    [InlineData("J. Chem. Phys. 117, 205-227 (2002)")]
    [InlineData("+1 2345 6789 is not a number")]
    [InlineData("+1 702 555 01")]
    [InlineData("roses $200 $300 $400 $500")]
    [InlineData("abc7025550143def")]
    [InlineData("wechat: lily7025550143")]
    public void Extract_TextThatIsNotAPhone_FindsNoPhone(string text)
    {
        new EntityExtractor().Extract(text, "US").Entities.ShouldNotContain(e => e.Type == EntityType.Phone);
    }
}
