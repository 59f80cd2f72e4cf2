using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Tests.Extraction.Emails;

/// <summary>E-mail forms of issue #17 (invented addresses of the same shape): the canonical address with the span as written.</summary>
public sealed class ObfuscatedEmailTests
{
    [Theory]
    // mailto: links (the address in the attribute, entities and %XX decoded) and plain "mailto:" text
    [InlineData("<a href=\"mailto:mia@example.com\">email me</a>", "mia@example.com", "mia@example.com")]
    [InlineData("<a href='MAILTO:mia%40example.com?subject=hi'>x</a>", "mia@example.com", "mia%40example.com")]
    [InlineData("<a href=mailto:mia@example.com>me</a>", "mia@example.com", "mia@example.com")]
    [InlineData("<a href=\"mailto:&#109;&#105;&#97;&#64;example.com\">x</a>", "mia@example.com", "&#109;&#105;&#97;&#64;example.com")]
    [InlineData("<a href=\"&#109;ailto:mia&#064;example.com\">x</a>", "mia@example.com", "mia&#064;example.com")]
    [InlineData("<mailto:mia@example.&#099;om>", "mia@example.com", "mia@example.&#099;om")]
    [InlineData("write mailto:mia@example.com", "mia@example.com", "mia@example.com")]
    // Words, brackets, ';' and bare spaces for '@' and '.'
    [InlineData("jdoe at cs example edu", "jdoe@cs.example.edu", "jdoe at cs example edu")]
    [InlineData("jdoe WHERE cs DOM example DOM edu", "jdoe@cs.example.edu", "jdoe WHERE cs DOM example DOM edu")]
    [InlineData("jdoe at cs;example;edu", "jdoe@cs.example.edu", "jdoe at cs;example;edu")]
    [InlineData("mia at example dt com", "mia@example.com", "mia at example dt com")]
    [InlineData("mia at example dot com for fun", "mia@example.com", "mia at example dot com")]
    [InlineData("max at example dot edu or t.me/max_ex", "max@example.edu", "max at example dot edu")]
    [InlineData("kat at cs example ac uk", "kat@cs.example.ac.uk", "kat at cs example ac uk")]
    [InlineData("ivy at example;com no texts", "ivy@example.com", "ivy at example;com")]
    [InlineData("mia at gmail for bookings", "mia@gmail.com", "mia at gmail")]
    // Spelled out one character at a time
    [InlineData("m-i-a-@-e-x-a-m-p-l-e-.-c-o-m", "mia@example.com", "m-i-a-@-e-x-a-m-p-l-e-.-c-o-m")]
    [InlineData("email me m i a @ e x a m p l e . c o m for more", "mia@example.com", "m i a @ e x a m p l e . c o m")]
    [InlineData("n o - o n e @ e x a m p l e . c o m", "no-one@example.com", "n o - o n e @ e x a m p l e . c o m")]
    // (followed by "@host")
    [InlineData("jdoe (followed by \"@cs.example.edu\")", "jdoe@cs.example.edu", "jdoe (followed by \"@cs.example.edu\")")]
    [InlineData("jdoe (followed by &ldquo;@example.edu&rdquo;)", "jdoe@example.edu", "jdoe (followed by &ldquo;@example.edu&rdquo;)")]
    // HTML entities
    [InlineData("mia&#x40;example.com", "mia@example.com", "mia&#x40;example.com")]
    [InlineData("mia&#64;example.com", "mia@example.com", "mia&#64;example.com")]
    [InlineData("mia&commat;example&period;com", "mia@example.com", "mia&commat;example&period;com")]
    // Munging instructions
    [InlineData("no-one@exampleNOSPAM.com.invalid", "no-one@example.com", "no-one@exampleNOSPAM.com.invalid")]
    public void Extract_ObfuscatedEmail_FindsTheAddressWithItsSpan(string text, string address, string raw)
    {
        var email = new EntityExtractor().Extract(text, "US").Entities.Where(e => e.Type == EntityType.Email).ShouldHaveSingleItem();

        email.Value.ShouldBe(address);
        email.Raw.ShouldBe(raw);
        text[email.Start..email.End].ShouldBe(email.Raw);
    }

    [Theory]
    // Assembled from literals and variables; the span is where the address is assembled
    [InlineData("<script>document.write('mia' + '@' + 'example.com')</script>", "mia@example.com", "mia' + '@' + 'example.com")]
    [InlineData("<script>var u='mia'; var d='example.com'; document.write(u + '@' + d);</script>", "mia@example.com", "u + '@' + d")]
    [InlineData("<script>var e = 'mia' + '\\x40' + 'example.net'; document.write(e)</script>", "mia@example.net", "mia' + '\\x40' + 'example.net")]
    [InlineData("<script>var n = \"kim\", h = \"example.org\"; el.innerHTML = `${n}@${h}`;</script>", "kim@example.org", "${n}@${h}")]
    [InlineData("<script>document.write(String.fromCharCode(109,105,97,0x40) + 'example.com')</script>", "mia@example.com", "109,105,97,0x40) + 'example.com")]
    [InlineData("<script>var a='ava'; x.innerHTML = a + '&#64;' + 'example.com';</script>", "ava@example.com", "a + '&#64;' + 'example.com")]
    public void Extract_AddressAssembledInScript_FindsItWithoutRunningIt(string text, string address, string raw)
    {
        var email = new EntityExtractor().Extract(text, "US").Entities.Where(e => e.Type == EntityType.Email).ShouldHaveSingleItem();

        email.Value.ShouldBe(address);
        email.Raw.ShouldBe(raw);
        text[email.Start..email.End].ShouldBe(email.Raw);
    }

    [Fact]
    public void Extract_MailtoLinkAndItsText_FindsBothOccurrences()
    {
        const string Text = "<a href=\"mailto:mia@example.com\">mia@example.com</a>";

        var emails = new EntityExtractor().Extract(Text, "US").Entities.Where(e => e.Type == EntityType.Email).ToList();

        emails.Count.ShouldBe(2);
        emails.ShouldAllBe(e => e.Value == "mia@example.com");
        emails.Select(e => e.Start).ShouldBe([16, 33]);
    }

    [Theory]
    [InlineData("Apache Server at host.example.edu Port 80")]
    [InlineData("Server at www.example.edu Port 443")]
    [InlineData("meet me at the bar tonight, hotel in town")]
    [InlineData("Mia at Hilton in Vegas")]
    [InlineData("staying at example hotel in midtown")]
    [InlineData("ask me where I am")]
    [InlineData("x@example is not an address")]
    [InlineData("<script>var t = foo() + '@' + 'example.com'; var at = '@';</script>")]
    [InlineData("<script>var s = 'https://www.example.com/ga.js';</script>")]
    [InlineData("a-@-b")]
    public void Extract_TextThatIsNotAnAddress_FindsNoEmail(string text)
    {
        new EntityExtractor().Extract(text, "US").Entities.ShouldNotContain(e => e.Type == EntityType.Email);
    }
}
