using NetworkAnalysis.Core.Extraction.Phones;

namespace NetworkAnalysis.Core.Tests.Extraction.Phones;

/// <summary>Validity comes from libphonenumber, with exactly the fictional ranges allowed on top.</summary>
public sealed class PhoneLibraryTests
{
    [Theory]
    [InlineData("1", "7025550100")]
    [InlineData("1", "7025550199")]
    [InlineData("1", "2125550142")]
    [InlineData("61", "491570156")]
    public void FictionalRange_ValidUpstream_NeedsNoAllowance(string cc, string nsn)
    {
        // Given a fictional number libphonenumber itself accepts
        var number = Build(cc, nsn);

        // Then the library calls it valid, and our allowance does not cover it
        PhoneLibrary.Util.IsValidNumber(number).ShouldBeTrue();
        FictionalRanges.IsFictional(PhoneLibrary.Util.GetRegionCodeForNumber(number), nsn).ShouldBeFalse();
        NumberingPlan.Default.IsValid(cc, nsn).ShouldBeTrue();
    }

    [Theory]
    [InlineData("7700900000")]
    [InlineData("7700900123")]
    [InlineData("7700900999")]
    public void UkDramaRange_InvalidUpstream_AllowedByTheNarrowException(string nsn)
    {
        // Given Ofcom's drama range, which libphonenumber 9.0.43 rejects
        PhoneLibrary.Util.IsValidNumber(Build("44", nsn)).ShouldBeFalse();

        // Then the plan accepts it, and only it
        NumberingPlan.Default.IsValid("44", nsn).ShouldBeTrue();
    }

    [Theory]
    [InlineData("44", "7700901123")] // next to the drama range, not in it
    [InlineData("1", "1115550100")]  // no NANP area code starts with 1
    [InlineData("1", "9115550100")]  // N11 service code
    [InlineData("44", "770090012")]  // one digit short
    public void OutsideTheAllowance_InvalidUpstream_Refused(string cc, string nsn) =>
        NumberingPlan.Default.IsValid(cc, nsn).ShouldBeFalse();

    [Fact]
    public void LeadingZeroNationalNumber_Italy_KeptAndValid()
    {
        // Given a Rome fixed line, whose national number starts with 0
        PhoneLibrary.TryBuild(39, "0612345678", out var number).ShouldBeTrue();

        // Then the library sees the zero and accepts the number
        PhoneLibrary.Util.GetNationalSignificantNumber(number).ShouldBe("0612345678");
        NumberingPlan.Default.IsValid("39", "0612345678").ShouldBeTrue();
    }

    [Fact]
    public void Version_IsThePackageVersion() => PhoneLibrary.Version.ShouldBe("9.0.43");

    private static PhoneNumbers.PhoneNumber Build(string cc, string nsn)
    {
        PhoneLibrary.TryBuild(int.Parse(cc, System.Globalization.CultureInfo.InvariantCulture), nsn, out var number).ShouldBeTrue();
        return number;
    }
}
