using NetworkAnalysis.Reporting.Text;

namespace NetworkAnalysis.Reporting.Tests.Text;

public sealed class IdentifierMaskerTests
{
    [Fact]
    public void Mask_Phone_KeepsTwoCharactersAtEachEnd()
    {
        IdentifierMasker.Mask("+13125550101").ShouldBe("+1••••••01");
    }

    [Fact]
    public void Mask_LongHash_StaysShort()
    {
        IdentifierMasker.Mask(new string('a', 64)).ShouldBe("aa••••••aa");
    }

    [Fact]
    public void Mask_ShortHandle_HidesAllButTheFirstCharacter()
    {
        IdentifierMasker.Mask("@ab12").ShouldBe("@••••");
    }

    [Fact]
    public void MaskUnless_Show_ReturnsValue()
    {
        IdentifierMasker.MaskUnless("poster0@example.com", show: true).ShouldBe("poster0@example.com");
        IdentifierMasker.MaskUnless("poster0@example.com", show: false).ShouldNotContain("example");
    }
}
