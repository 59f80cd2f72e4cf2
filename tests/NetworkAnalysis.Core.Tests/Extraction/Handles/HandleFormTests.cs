using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Tests.Extraction.Handles;

/// <summary>Handle forms of issue #17 and the platforms' username rules (invented handles).</summary>
public sealed class HandleFormTests
{
    [Theory]
    [InlineData("Twitter @ MiaXo", "twitter", "miaxo", "@ MiaXo")]
    [InlineData("IG: candy.girl", "instagram", "candy.girl", "candy.girl")]
    [InlineData("sc- mia_xo", "snapchat", "mia_xo", "mia_xo")]
    [InlineData("kik me sweetpea22", "kik", "sweetpea22", "sweetpea22")]
    [InlineData("telegram @mia_vegas", "telegram", "mia_vegas", "@mia_vegas")]
    [InlineData("t.me/mia_vegas", "telegram", "mia_vegas", "t.me/mia_vegas")]
    [InlineData("x: @lola_vip", "twitter", "lola_vip", "@lola_vip")]
    // The platform's characters end the handle: it never swallows the next word
    [InlineData("IG: candy.girl-call me", "instagram", "candy.girl", "candy.girl")]
    [InlineData("telegram: mia_vegas.see menu", "telegram", "mia_vegas", "mia_vegas")]
    [InlineData("kik: tia_x-text first", "kik", "tia_x", "tia_x")]
    [InlineData("twitter @jade_ny-pics", "twitter", "jade_ny", "@jade_ny")]
    [InlineData("wechat: anna-luo88", "wechat", "anna-luo88", "anna-luo88")]
    public void Extract_HandleForm_FindsTheHandle(string text, string type, string value, string raw)
    {
        EntityTypeNames.TryParse(type, out var t).ShouldBeTrue();

        var handle = new EntityExtractor().Extract(text, "US").Entities.Where(e => e.Type == t).ShouldHaveSingleItem();

        handle.Value.ShouldBe(value);
        handle.Raw.ShouldBe(raw);
        text[handle.Start..handle.End].ShouldBe(handle.Raw);
    }

    [Fact]
    public void Extract_WhatsAppLink_IsAWhatsAppNumberAndAPhone()
    {
        var entities = new EntityExtractor().Extract("wa.me/17025550143 text only", "US").Entities;

        entities.ShouldContain(e => e.Type == EntityType.Whatsapp && e.Value == "+17025550143");
        entities.ShouldContain(e => e.Type == EntityType.Phone && e.Value == "+17025550143");
    }

    [Fact]
    public void Extract_LabelChain_GivesTheHandleToEveryLabel()
    {
        var entities = new EntityExtractor().Extract("kik/snap: sugarbabe", "US").Entities;

        entities.Where(e => e.Value == "sugarbabe").Select(e => e.Type).OrderBy(t => t).ShouldBe([EntityType.Snapchat, EntityType.Kik]);
    }

    [Theory]
    [InlineData("x@example.com for bookings")]
    [InlineData("mia.x@example.com")]
    [InlineData("kik@example.com is my mail")]
    [InlineData("x@example is not an address")]
    [InlineData("telegram @abc too short")]
    [InlineData("tg: @mia")]
    [InlineData("snap: 2good4u")]
    [InlineData("wechat: abc12")]
    [InlineData("twitter: @this_handle_is_too_long_for_x")]
    [InlineData("snapchat shenanigans all night")]
    public void Extract_TextThatBreaksAPlatformRule_FindsNoHandle(string text)
    {
        new EntityExtractor().Extract(text, "US").Entities
            .ShouldNotContain(e => e.Type != EntityType.Email && e.Type != EntityType.Url && e.Type != EntityType.Phone);
    }
}
