using FsCheck;
using FsCheck.Fluent;
using NetworkAnalysis.Core.Risk;

namespace NetworkAnalysis.Core.Tests.Risk;

public sealed class RedactorTests
{
    [Theory]
    [InlineData("+12025550142", "+*******0142")]
    [InlineData("mia@example.com", "***@******e.com")]
    [InlineData("$boss", "$**ss")]
    [InlineData("abc", "***")]
    public void Mask_Identifier_KeepsLastTwoToFourAlphanumerics(string value, string expected)
    {
        // Given an identifier
        // When masked
        var masked = Redactor.Mask(value);

        // Then only the last 2-4 letters/digits stay visible
        masked.ShouldBe(expected);
    }

    [Fact]
    public void Mask_AnyString_KeepsLengthAndHidesMostCharacters()
    {
        // Given arbitrary strings
        // When masked, Then the length is kept and at most 4 letters/digits stay visible
        FsCheck.Fluent.Prop.ForAll<string>(s =>
        {
            var value = s ?? "";
            var masked = Redactor.Mask(value);
            var visible = masked.Where((c, i) => char.IsLetterOrDigit(c) && c == value[i]).Count();
            return masked.Length == value.Length && visible <= 4;
        }).QuickCheckThrowOnFailure();
    }
}
