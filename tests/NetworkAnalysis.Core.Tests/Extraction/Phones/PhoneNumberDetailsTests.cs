using NetworkAnalysis.Core.Extraction.Phones;

namespace NetworkAnalysis.Core.Tests.Extraction.Phones;

public sealed class PhoneNumberDetailsTests
{
    [Theory]
    [InlineData("+17025550143", "US", "Nevada", "fixed line or mobile")]
    [InlineData("+12125550100", "US", "New York, NY", "fixed line or mobile")]
    [InlineData("+18005550100", "US", "", "toll-free")]
    [InlineData("+447700900123", "GB", "United Kingdom", "mobile")]
    [InlineData("+442079460123", "GB", "London", "fixed line")]
    [InlineData("+61491570156", "AU", "", "mobile")]
    public void Describe_ValidNumber_RegionLocationAndType(string e164, string region, string location, string type)
    {
        // When a stored number is described
        var details = PhoneNumberDetails.Describe(e164);

        // Then region, geocoded location and type come from libphonenumber
        details.ShouldNotBeNull();
        details.ShouldBe(new PhoneNumberDetails(e164, region, location, type));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("7025550143")]
    [InlineData("+1702555014x")]
    [InlineData("+<script>")]
    [InlineData("+123456789012345678")]
    public void Describe_NotE164_Null(string? value) => PhoneNumberDetails.Describe(value).ShouldBeNull();

    [Fact]
    public void MetadataVersion_IsThePackageVersion() => PhoneNumberDetails.MetadataVersion.ShouldBe("9.0.43");
}
