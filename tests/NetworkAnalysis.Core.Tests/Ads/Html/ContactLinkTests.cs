using NetworkAnalysis.Core.Ads.Html;
using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Tests.Ads.Html;

/// <summary>
/// Saved ad pages whose contact details are only in link targets: a "Call me" button (<c>tel:</c>), "Text me" (<c>sms:</c>),
/// "Email me" (<c>mailto:</c>), a payment or messenger link behind a word. The identifiers here are fictional.
/// </summary>
public sealed class ContactLinkTests
{
    private const string Filler = "Sweet and new in town, ask for Mia. Upscale, discreet, no rush, incall and outcall, real pictures, serious gentlemen only please.";

    [Fact]
    public void SavedPage_ContactButtonsWithoutTheirValuesInTheText_TheirTargetsAreExtracted()
    {
        // Given a page whose posting says "Call me", "Text me", "Email me" and "Deposit" only as link words, with the site's own
        // report address in the footer
        var page = $$"""
            <html><head><title>Mia - new in town</title></head><body>
            <div class="post"><p>{{Filler}}</p>
              <a class="btn" href="tel:+1-702-555-0143">Call me</a>
              <a class="btn" href="sms:7025550177?body=hi">Text me</a>
              <a class="btn" href="mailto:mia.booking%40example.com?subject=date">Email me</a>
              <a class="btn" href="https://cash.app/$MiaDeposit555">Deposit</a>
              <a class="btn" href="https://www.example.org/about">About</a>
            </div>
            <footer><a href="mailto:abuse@site.example">Report this ad</a></footer>
            </body></html>
            """;

        // When the page is read and its text extracted
        var ad = new HtmlAdExtractor().Extract(page, "https://site.example/ads/100200", "x").Ad!;
        var found = new EntityExtractor().Extract(ad.Body!, "US").Entities.Select(m => $"{m.Type}:{m.Value}").ToList();

        // Then the body keeps its words and ends with the link targets on one line, and each becomes an identifier
        ad.Body!.ShouldStartWith(Filler);
        ad.Body.Split('\n')[^1].ShouldBe("Links: tel: +1-702-555-0143 tel: 7025550177 mia.booking@example.com https://cash.app/$MiaDeposit555");
        found.ShouldContain("Phone:+17025550143");
        found.ShouldContain("Phone:+17025550177");
        found.ShouldContain("Email:mia.booking@example.com");
        found.ShouldContain(f => f.StartsWith("Cashtag:", StringComparison.Ordinal) && f.EndsWith("miadeposit555", StringComparison.OrdinalIgnoreCase));

        // but not the site's footer address, nor a link that names no contact
        ad.Body.ShouldNotContain("abuse@site.example");
        ad.Body.ShouldNotContain("example.org");
    }

    [Fact]
    public void SavedPage_LinkWhoseTargetTheTextAlreadySays_IsNotRepeated()
    {
        var page = $"""
            <html><body><div><p>{Filler} Call 702-555-0143 or write mia.booking@example.com</p>
            <a href="tel:17025550143">702-555-0143</a> <a href="mailto:mia.booking@example.com">mia.booking@example.com</a></div></body></html>
            """;

        var ad = new HtmlAdExtractor().Extract(page, "https://site.example/ads/100201", "x").Ad!;

        ad.Body!.ShouldNotContain("Links:");
    }

    [Theory]
    [InlineData("tel:12")]
    [InlineData("mailto:")]
    [InlineData("javascript:alert(1)")]
    [InlineData("tel:%E0%A4%A")]
    public void SavedPage_LinkThatIsNoContact_AddsNothing(string href)
    {
        var page = $"""<html><body><div><p>{Filler}</p><a href="{href}">x</a></div></body></html>""";

        var ad = new HtmlAdExtractor().Extract(page, "https://site.example/ads/100202", "x").Ad!;

        ad.Body.ShouldBe(Filler);
    }
}
